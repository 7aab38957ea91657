-- Audit rows are append-only for the application: UPDATE, DELETE and TRUNCATE are refused, with three
-- narrow exceptions, each for one use case that declares itself in its own transaction:
--   * the cascade of an organization's deletion (the foreign key's action runs this trigger nested,
--     pg_trigger_depth() > 1);
--   * the retention purge (`mirage.audit_maintenance` = 'retention'): DELETE only;
--   * a data subject's erasure (`mirage.audit_maintenance` = 'pseudonymise'): UPDATE of metadata only.
-- The app role owns the tables, so this guards against the application's own statements (bugs, injection),
-- not against someone holding the owner's password.
CREATE FUNCTION mirage_audit_logs_append_only() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    maintenance text := coalesce(current_setting('mirage.audit_maintenance', true), '');
BEGIN
    IF TG_OP = 'DELETE' AND (pg_trigger_depth() > 1 OR maintenance = 'retention') THEN
        RETURN OLD;
    END IF;
    IF TG_OP = 'UPDATE' AND maintenance = 'pseudonymise'
        AND NEW.id = OLD.id AND NEW.organization_id = OLD.organization_id
        AND NEW.actor_user_id IS NOT DISTINCT FROM OLD.actor_user_id AND NEW.action = OLD.action
        AND NEW.target_type = OLD.target_type AND NEW.target_id IS NOT DISTINCT FROM OLD.target_id
        AND NEW.created_at = OLD.created_at THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_logs is append-only (%)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER "audit_logs_append_only" BEFORE UPDATE OR DELETE ON "audit_logs"
    FOR EACH ROW EXECUTE FUNCTION mirage_audit_logs_append_only();

CREATE TRIGGER "audit_logs_no_truncate" BEFORE TRUNCATE ON "audit_logs"
    FOR EACH STATEMENT EXECUTE FUNCTION mirage_audit_logs_append_only();

-- Filters of the audit page: by actor, action and entity within a period.
CREATE INDEX "audit_logs_organization_id_actor_user_id_created_at_idx" ON "audit_logs"("organization_id", "actor_user_id", "created_at" DESC);
CREATE INDEX "audit_logs_organization_id_action_created_at_idx" ON "audit_logs"("organization_id", "action", "created_at" DESC);
