-- Processing reads an instance's unprocessed deliveries in arrival order; without this index that
-- read scans every delivery the instance ever received.

-- CreateIndex
CREATE INDEX "webhook_deliveries_instance_id_processed_at_received_at_idx" ON "webhook_deliveries"("instance_id", "processed_at", "received_at");
