-- The provider port speaks Mirage's terms, and so does what it stores. Each step is safe to run twice.

-- Which WhatsApp provider an instance lives on (the registry resolves it); every existing one is Evolution's.
ALTER TABLE "instances" ADD COLUMN IF NOT EXISTS "provider" TEXT NOT NULL DEFAULT 'evolution';

-- Disconnect reasons become neutral codes instead of Baileys status codes (200 meant "no disconnect").
CREATE OR REPLACE FUNCTION pg_temp.mirage_disconnect_reason(code integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE code
    WHEN 200 THEN NULL
    WHEN 401 THEN 'logged_out'
    WHEN 402 THEN 'account_unavailable'
    WHEN 403 THEN 'banned'
    WHEN 406 THEN 'refused'
    WHEN 408 THEN 'connection_lost'
    WHEN 411 THEN 'bad_session'
    WHEN 428 THEN 'connection_closed'
    WHEN 440 THEN 'replaced'
    WHEN 500 THEN 'bad_session'
    WHEN 503 THEN 'service_unavailable'
    WHEN 515 THEN 'restart_required'
    ELSE CASE WHEN code IS NULL THEN NULL ELSE 'unknown' END
  END $$;

DO $$
BEGIN
  IF (SELECT data_type FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = 'instances' AND column_name = 'state_reason') = 'integer' THEN
    ALTER TABLE "instances" ALTER COLUMN "state_reason" TYPE TEXT USING pg_temp.mirage_disconnect_reason("state_reason");
  END IF;
  IF (SELECT data_type FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = 'instance_events' AND column_name = 'status_reason') = 'integer' THEN
    ALTER TABLE "instance_events" ALTER COLUMN "status_reason" TYPE TEXT USING pg_temp.mirage_disconnect_reason("status_reason");
  END IF;
END $$;

-- A conversation's reply address is a neutral chat address: a phone JID becomes its E.164 digits; LIDs
-- and groups stay as the provider's opaque ids.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM information_schema.columns
             WHERE table_schema = current_schema() AND table_name = 'conversations' AND column_name = 'chat_jid') THEN
    ALTER TABLE "conversations" RENAME COLUMN "chat_jid" TO "chat_address";
  END IF;
END $$;

-- Row-level security binds the owner too (FORCE): lifted inside this transaction so every
-- organization's rows are rewritten, then restored.
ALTER TABLE "conversations" NO FORCE ROW LEVEL SECURITY;
UPDATE "conversations"
SET "chat_address" = split_part(split_part("chat_address", '@', 1), ':', 1)
WHERE "chat_address" LIKE '%@s.whatsapp.net' AND split_part(split_part("chat_address", '@', 1), ':', 1) ~ '^[0-9]+$';
ALTER TABLE "conversations" FORCE ROW LEVEL SECURITY;
