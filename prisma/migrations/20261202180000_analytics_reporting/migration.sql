-- Analytics: reporting events written with the change they describe, a daily rollup per organization
-- (days in its timezone, durations in fixed buckets) and the rollup's watermark.

-- CreateTable
CREATE TABLE "reporting_events" (
    "id" BIGSERIAL NOT NULL,
    "organization_id" UUID NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "instance_id" UUID,
    "conversation_id" UUID,
    "contact_id" UUID,
    "member_id" UUID,
    "campaign_id" UUID,
    "direction" "MessageDirection",
    "message_type" "MessageType",
    "value" DOUBLE PRECISION,
    "details" JSONB NOT NULL DEFAULT '{}',
    "dedupe_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reporting_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reporting_daily" (
    "id" BIGSERIAL NOT NULL,
    "organization_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "kind" TEXT NOT NULL,
    "instance_id" UUID,
    "member_id" UUID,
    "direction" "MessageDirection",
    "bucket" INTEGER,
    "count" INTEGER NOT NULL,
    "value_sum" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "reporting_daily_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reporting_rollup_state" (
    "organization_id" UUID NOT NULL,
    "complete_through" DATE NOT NULL,
    "refreshed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "reporting_rollup_state_pkey" PRIMARY KEY ("organization_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "reporting_events_organization_id_dedupe_key_key" ON "reporting_events"("organization_id", "dedupe_key");

-- CreateIndex
CREATE INDEX "reporting_events_organization_id_occurred_at_idx" ON "reporting_events"("organization_id", "occurred_at");

-- CreateIndex
CREATE INDEX "reporting_events_organization_id_created_at_idx" ON "reporting_events"("organization_id", "created_at");

-- CreateIndex
CREATE INDEX "reporting_events_conversation_id_kind_occurred_at_idx" ON "reporting_events"("conversation_id", "kind", "occurred_at");

-- CreateIndex
CREATE INDEX "reporting_daily_organization_id_day_idx" ON "reporting_daily"("organization_id", "day");

-- AddForeignKey
ALTER TABLE "reporting_events" ADD CONSTRAINT "reporting_events_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reporting_events" ADD CONSTRAINT "reporting_events_instance_id_organization_id_fkey" FOREIGN KEY ("instance_id", "organization_id") REFERENCES "instances"("id", "organization_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reporting_daily" ADD CONSTRAINT "reporting_daily_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reporting_rollup_state" ADD CONSTRAINT "reporting_rollup_state_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-Level Security, as for every tenant table (see the foundation migration).
ALTER TABLE "reporting_events" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "reporting_events" FORCE ROW LEVEL SECURITY;
CREATE POLICY "reporting_events_tenant" ON "reporting_events"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());

ALTER TABLE "reporting_daily" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "reporting_daily" FORCE ROW LEVEL SECURITY;
CREATE POLICY "reporting_daily_tenant" ON "reporting_daily"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());

ALTER TABLE "reporting_rollup_state" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "reporting_rollup_state" FORCE ROW LEVEL SECURITY;
CREATE POLICY "reporting_rollup_state_tenant" ON "reporting_rollup_state"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());
