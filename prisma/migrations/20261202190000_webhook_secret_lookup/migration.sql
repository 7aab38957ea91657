-- The webhook route's secret lookup (on a cache miss) in one round trip on the intake pool, like the
-- intake itself: binds the organization for Row-Level Security, then reads the instance's secret hash
-- (null for an unknown instance). SECURITY INVOKER: every policy still applies.
CREATE FUNCTION mirage_webhook_secret_hash(p_organization_id uuid, p_instance_id uuid)
RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    v_secret_hash text;
BEGIN
    PERFORM set_config('mirage.organization_id', p_organization_id::text, true);
    SELECT "webhook_secret_hash" INTO v_secret_hash FROM "instances"
        WHERE "id" = p_instance_id AND "organization_id" = p_organization_id;
    RETURN v_secret_hash;
END $$;
