-- Message search reads the newest messages first and widens the time window until a page is full:
-- this index bounds each window (ANDed with the full-text index) and finds the newest messages.

-- CreateIndex
CREATE INDEX "messages_organization_id_sent_at_id_idx" ON "messages"("organization_id", "sent_at" DESC, "id" DESC);
