-- Claims read the next pending recipients of a campaign in order (created_at, id): this index serves
-- them without sorting the whole remaining audience on every claim.

-- CreateIndex
CREATE INDEX "campaign_recipients_campaign_id_status_created_at_id_idx" ON "campaign_recipients"("campaign_id", "status", "created_at", "id");
