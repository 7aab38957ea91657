-- CreateEnum
CREATE TYPE "InstancePurpose" AS ENUM ('atendimento', 'campanhas');

-- CreateEnum
CREATE TYPE "ConnectionState" AS ENUM ('open', 'connecting', 'close', 'refused');

-- CreateTable
CREATE TABLE "instances" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "purpose" "InstancePurpose" NOT NULL DEFAULT 'atendimento',
    "daily_send_limit" INTEGER NOT NULL DEFAULT 1000,
    "provider_name" TEXT NOT NULL,
    "provider_instance_id" TEXT,
    "token_encrypted" TEXT,
    "webhook_secret_hash" TEXT NOT NULL,
    "state" "ConnectionState" NOT NULL DEFAULT 'close',
    "state_reason" INTEGER,
    "state_sequence_at" TIMESTAMPTZ(3),
    "phone_number" TEXT,
    "profile_name" TEXT,
    "profile_picture_url" TEXT,
    "last_event_at" TIMESTAMPTZ(3),
    "down_since" TIMESTAMPTZ(3),
    "reconnect_attempts" INTEGER NOT NULL DEFAULT 0,
    "next_reconnect_at" TIMESTAMPTZ(3),
    "qr_data_url" TEXT,
    "pairing_code" TEXT,
    "qr_updated_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "instances_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "instance_events" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "instance_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "state" "ConnectionState",
    "status_reason" INTEGER,
    "detail" TEXT,
    "actor_user_id" UUID,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "instance_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "instance_id" UUID NOT NULL,
    "event" TEXT NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMPTZ(3),
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "instances_provider_name_key" ON "instances"("provider_name");

-- CreateIndex
CREATE UNIQUE INDEX "instances_organization_id_name_key" ON "instances"("organization_id", "name");

-- CreateIndex
CREATE INDEX "instance_events_instance_id_occurred_at_idx" ON "instance_events"("instance_id", "occurred_at" DESC);

-- CreateIndex
CREATE INDEX "webhook_deliveries_organization_id_received_at_idx" ON "webhook_deliveries"("organization_id", "received_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "webhook_deliveries_instance_id_dedupe_key_key" ON "webhook_deliveries"("instance_id", "dedupe_key");

-- AddForeignKey
ALTER TABLE "instances" ADD CONSTRAINT "instances_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "instance_events" ADD CONSTRAINT "instance_events_instance_id_fkey" FOREIGN KEY ("instance_id") REFERENCES "instances"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_instance_id_fkey" FOREIGN KEY ("instance_id") REFERENCES "instances"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-Level Security, as for every tenant table (see the foundation migration).
ALTER TABLE "instances" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "instances" FORCE ROW LEVEL SECURITY;
CREATE POLICY "instances_tenant" ON "instances"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());

ALTER TABLE "instance_events" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "instance_events" FORCE ROW LEVEL SECURITY;
CREATE POLICY "instance_events_tenant" ON "instance_events"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());

ALTER TABLE "webhook_deliveries" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "webhook_deliveries" FORCE ROW LEVEL SECURITY;
CREATE POLICY "webhook_deliveries_tenant" ON "webhook_deliveries"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());
