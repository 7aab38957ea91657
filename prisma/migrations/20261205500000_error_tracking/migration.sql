-- CreateEnum
CREATE TYPE "ErrorSource" AS ENUM ('web', 'worker', 'browser');

-- CreateEnum
CREATE TYPE "ErrorGroupStatus" AS ENUM ('open', 'resolved', 'ignored');

-- CreateTable
CREATE TABLE "error_groups" (
    "id" UUID NOT NULL,
    "organization_id" UUID,
    "fingerprint" TEXT NOT NULL,
    "source" "ErrorSource" NOT NULL,
    "error_name" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "status" "ErrorGroupStatus" NOT NULL DEFAULT 'open',
    "count" INTEGER NOT NULL DEFAULT 0,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_release" TEXT NOT NULL,
    "status_changed_at" TIMESTAMPTZ(3),

    CONSTRAINT "error_groups_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "error_occurrences" (
    "id" UUID NOT NULL,
    "group_id" UUID NOT NULL,
    "organization_id" UUID,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "release" TEXT NOT NULL,
    "trace_id" TEXT,
    "stack" TEXT NOT NULL,
    "context" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "error_occurrences_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "error_groups_fingerprint_key" ON "error_groups"("fingerprint");

-- CreateIndex
CREATE INDEX "error_groups_organization_id_last_seen_at_idx" ON "error_groups"("organization_id", "last_seen_at" DESC);

-- CreateIndex
CREATE INDEX "error_occurrences_group_id_occurred_at_idx" ON "error_occurrences"("group_id", "occurred_at" DESC);

-- AddForeignKey
ALTER TABLE "error_groups" ADD CONSTRAINT "error_groups_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "error_occurrences" ADD CONSTRAINT "error_occurrences_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "error_groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-Level Security (see the foundation migration). An organization's errors are its own; system-wide
-- errors (no organization) only in a transaction that declared itself the platform's (`withPlatform`),
-- which the code opens for the worker and web processes' own failures and for platform admins.
ALTER TABLE "error_groups" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "error_groups" FORCE ROW LEVEL SECURITY;
CREATE POLICY "error_groups_tenant" ON "error_groups"
    USING ("organization_id" = mirage_current_organization_id()
           OR ("organization_id" IS NULL AND current_setting('mirage.platform', true) = 'on'))
    WITH CHECK ("organization_id" = mirage_current_organization_id()
           OR ("organization_id" IS NULL AND current_setting('mirage.platform', true) = 'on'));

ALTER TABLE "error_occurrences" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "error_occurrences" FORCE ROW LEVEL SECURITY;
CREATE POLICY "error_occurrences_tenant" ON "error_occurrences"
    USING ("organization_id" = mirage_current_organization_id()
           OR ("organization_id" IS NULL AND current_setting('mirage.platform', true) = 'on'))
    WITH CHECK ("organization_id" = mirage_current_organization_id()
           OR ("organization_id" IS NULL AND current_setting('mirage.platform', true) = 'on'));
