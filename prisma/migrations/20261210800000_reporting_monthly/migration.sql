-- Analytics: a monthly level over the daily rollup (the sum of each organization month's daily rows), so
-- reads over a year stay a few thousand rows. The rollup keeps it in step with the daily rows; existing
-- rollups get it at their next refresh (migrations run as the application role, which RLS confines), and until
-- then "monthly_rollup" false keeps readers on the daily rows.

-- AlterTable
ALTER TABLE "reporting_rollup_state" ADD COLUMN "monthly_rollup" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "reporting_monthly" (
    "id" BIGSERIAL NOT NULL,
    "organization_id" UUID NOT NULL,
    "month" DATE NOT NULL,
    "kind" TEXT NOT NULL,
    "instance_id" UUID,
    "member_id" UUID,
    "direction" "MessageDirection",
    "bucket" INTEGER,
    "business_bucket" INTEGER,
    "count" INTEGER NOT NULL,
    "value_sum" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "reporting_monthly_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "reporting_monthly_organization_id_month_idx" ON "reporting_monthly"("organization_id", "month");

-- AddForeignKey
ALTER TABLE "reporting_monthly" ADD CONSTRAINT "reporting_monthly_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-Level Security, as for every tenant table (see the foundation migration).
ALTER TABLE "reporting_monthly" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "reporting_monthly" FORCE ROW LEVEL SECURITY;
CREATE POLICY "reporting_monthly_tenant" ON "reporting_monthly"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());
