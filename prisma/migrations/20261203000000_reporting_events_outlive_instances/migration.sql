-- Reporting events are history: deleting a number must not erase its past messages from the analytics,
-- or a recomputed day would disagree with the rollup already stored for it (reporting_daily keeps no
-- foreign key to instances either). The organization's own cascade still removes everything.

-- DropForeignKey
ALTER TABLE "reporting_events" DROP CONSTRAINT IF EXISTS "reporting_events_instance_id_organization_id_fkey";
