-- Foreign-key checks bypass Row-Level Security, so a child row could name one organization and point
-- at another organization's instance. Composite keys make a child's organization its instance's.

-- DropForeignKey
ALTER TABLE "instance_events" DROP CONSTRAINT "instance_events_instance_id_fkey";

-- DropForeignKey
ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "webhook_deliveries_instance_id_fkey";

-- CreateIndex
CREATE UNIQUE INDEX "instances_id_organization_id_key" ON "instances"("id", "organization_id");

-- AddForeignKey
ALTER TABLE "instance_events" ADD CONSTRAINT "instance_events_instance_id_organization_id_fkey" FOREIGN KEY ("instance_id", "organization_id") REFERENCES "instances"("id", "organization_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_instance_id_organization_id_fkey" FOREIGN KEY ("instance_id", "organization_id") REFERENCES "instances"("id", "organization_id") ON DELETE CASCADE ON UPDATE CASCADE;
