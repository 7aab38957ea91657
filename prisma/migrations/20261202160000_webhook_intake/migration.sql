-- Webhook intake in one statement. The raw body is kept as bytes (byte-exact: jsonb refuses \u0000 and
-- would reorder keys), the parsed view is built by the worker, and the delivery row itself is the queue.

-- AlterTable
ALTER TABLE "webhook_deliveries" ADD COLUMN "raw_body" BYTEA;
ALTER TABLE "webhook_deliveries" ALTER COLUMN "payload" DROP NOT NULL;

-- One round trip per webhook: binds the organization for Row-Level Security, checks the instance and its
-- secret's hash, and stores the delivery unless its idempotency key was seen. Returns a code:
-- stored | duplicate | not_found | unauthenticated. SECURITY INVOKER: every policy still applies.
CREATE FUNCTION mirage_receive_webhook(
    p_organization_id uuid, p_instance_id uuid, p_secret_hash text,
    p_delivery_id uuid, p_event text, p_dedupe_key text, p_raw_body bytea
) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    v_secret_hash text;
    v_id uuid;
BEGIN
    PERFORM set_config('mirage.organization_id', p_organization_id::text, true);
    SELECT "webhook_secret_hash" INTO v_secret_hash FROM "instances"
        WHERE "id" = p_instance_id AND "organization_id" = p_organization_id;
    IF NOT FOUND THEN RETURN 'not_found'; END IF;
    IF p_secret_hash IS NULL OR v_secret_hash IS DISTINCT FROM p_secret_hash THEN RETURN 'unauthenticated'; END IF;
    INSERT INTO "webhook_deliveries" ("id", "organization_id", "instance_id", "event", "dedupe_key", "raw_body")
        VALUES (p_delivery_id, p_organization_id, p_instance_id, p_event, p_dedupe_key, p_raw_body)
        ON CONFLICT ("instance_id", "dedupe_key") DO NOTHING
        RETURNING "id" INTO v_id;
    RETURN CASE WHEN v_id IS NULL THEN 'duplicate' ELSE 'stored' END;
END $$;
