-- Saved custom reports, shared in the organization, optionally e-mailed on a schedule.

-- CreateTable
CREATE TABLE "saved_reports" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "metrics" TEXT[],
    "dimension" TEXT NOT NULL,
    "filters" JSONB NOT NULL DEFAULT '{}',
    "period_days" INTEGER NOT NULL,
    "schedule_frequency" TEXT NOT NULL DEFAULT 'none',
    "schedule_time" TEXT NOT NULL DEFAULT '08:00',
    "schedule_weekday" INTEGER NOT NULL DEFAULT 1,
    "schedule_month_day" INTEGER NOT NULL DEFAULT 1,
    "recipients" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "attachment_format" TEXT NOT NULL DEFAULT 'xlsx',
    "next_run_at" TIMESTAMPTZ(3),
    "last_sent_at" TIMESTAMPTZ(3),
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "saved_reports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "saved_reports_organization_id_name_idx" ON "saved_reports"("organization_id", "name");

-- CreateIndex
CREATE INDEX "saved_reports_organization_id_next_run_at_idx" ON "saved_reports"("organization_id", "next_run_at");

-- AddForeignKey
ALTER TABLE "saved_reports" ADD CONSTRAINT "saved_reports_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-Level Security, as for every tenant table (see the foundation migration).
ALTER TABLE "saved_reports" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "saved_reports" FORCE ROW LEVEL SECURITY;
CREATE POLICY "saved_reports_tenant" ON "saved_reports"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());
