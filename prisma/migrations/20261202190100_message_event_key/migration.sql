-- The dedupe key of a WhatsApp message's in/out reporting event, defined once: the webhook batch, the
-- send pipeline and the backfill all build it, and a send and its webhook echo must count once.
CREATE FUNCTION mirage_message_event_key(p_instance_id uuid, p_provider_message_id text)
RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'message:' || p_instance_id::text || ':' || p_provider_message_id $$;
