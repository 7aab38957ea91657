-- Campaign dispatch: per-number pacing, and recipients that follow their message's delivery status.

-- CreateTable
CREATE TABLE "instance_send_pacing" (
    "instance_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "next_send_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "instance_send_pacing_pkey" PRIMARY KEY ("instance_id")
);

-- AddForeignKey
ALTER TABLE "instance_send_pacing" ADD CONSTRAINT "instance_send_pacing_instance_id_organization_id_fkey" FOREIGN KEY ("instance_id", "organization_id") REFERENCES "instances"("id", "organization_id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "instance_send_pacing" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "instance_send_pacing" FORCE ROW LEVEL SECURITY;
CREATE POLICY "instance_send_pacing_tenant" ON "instance_send_pacing"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());

-- Whatever moves a campaign message forward (the send's answer, a send.message echo, an ack, a
-- reconciliation) moves its recipient too, in the same transaction. Forward only; "replied" stays.
CREATE FUNCTION mirage_recipient_follows_message() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    UPDATE campaign_recipients AS r SET
        status = CASE
            WHEN r.status IN ('replied', 'skipped', 'excluded') THEN r.status
            WHEN NEW.status IN ('read', 'played') THEN 'read'::"RecipientStatus"
            WHEN NEW.status = 'delivered' AND r.status <> 'read' THEN 'delivered'::"RecipientStatus"
            WHEN NEW.status = 'sent' AND r.status IN ('claimed', 'unknown', 'failed') THEN 'sent'::"RecipientStatus"
            WHEN NEW.status = 'failed' AND r.status IN ('claimed', 'unknown') THEN 'failed'::"RecipientStatus"
            WHEN NEW.status = 'unknown' AND r.status = 'claimed' THEN 'unknown'::"RecipientStatus"
            ELSE r.status END,
        reason = CASE WHEN NEW.status = 'failed' AND r.status IN ('claimed', 'unknown') THEN NEW.failure_reason ELSE r.reason END,
        sent_at = CASE WHEN NEW.status IN ('sent', 'delivered', 'read', 'played') THEN COALESCE(r.sent_at, now()) ELSE r.sent_at END,
        delivered_at = CASE WHEN NEW.status IN ('delivered', 'read', 'played') THEN COALESCE(r.delivered_at, now()) ELSE r.delivered_at END,
        read_at = CASE WHEN NEW.status IN ('read', 'played') THEN COALESCE(r.read_at, now()) ELSE r.read_at END,
        updated_at = now()
    WHERE r.message_id = NEW.id;
    RETURN NEW;
END $$;

CREATE TRIGGER "messages_recipient_status" AFTER UPDATE OF "status" ON "messages"
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION mirage_recipient_follows_message();
