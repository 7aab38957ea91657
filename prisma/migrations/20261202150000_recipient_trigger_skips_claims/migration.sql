-- A message being claimed (pending ↔ sending) moves no recipient: the trigger no longer rewrites the
-- recipient row for it, which halves the recipient writes of a campaign send.
DROP TRIGGER "messages_recipient_status" ON "messages";

CREATE TRIGGER "messages_recipient_status" AFTER UPDATE OF "status" ON "messages"
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status AND NEW.status NOT IN ('pending', 'sending'))
    EXECUTE FUNCTION mirage_recipient_follows_message();
