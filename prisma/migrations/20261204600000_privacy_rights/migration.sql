-- CreateEnum
CREATE TYPE "DataSubjectRequestKind" AS ENUM ('confirmation', 'access', 'correction', 'anonymisation', 'blocking', 'deletion', 'portability', 'sharing_information', 'consent_revocation');

-- CreateEnum
CREATE TYPE "DataSubjectRequestStatus" AS ENUM ('open', 'closed');

-- CreateEnum
CREATE TYPE "RetentionDataKind" AS ENUM ('messages', 'media', 'ai_insights', 'webhook_deliveries', 'audit');

-- CreateTable
CREATE TABLE "data_subject_requests" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "contact_id" UUID,
    "kind" "DataSubjectRequestKind" NOT NULL,
    "status" "DataSubjectRequestStatus" NOT NULL DEFAULT 'open',
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "reminded_at" TIMESTAMPTZ(3),
    "outcome" TEXT,
    "outcome_params" JSONB NOT NULL DEFAULT '{}',
    "created_by_id" UUID,
    "closed_by_id" UUID,
    "closed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "data_subject_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "suppressed_identities" (
    "organization_id" UUID NOT NULL,
    "phone_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "suppressed_identities_pkey" PRIMARY KEY ("organization_id","phone_hash")
);

-- CreateTable
CREATE TABLE "retention_policies" (
    "organization_id" UUID NOT NULL,
    "kind" "RetentionDataKind" NOT NULL,
    "keep_days" INTEGER NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "last_purged_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "retention_policies_pkey" PRIMARY KEY ("organization_id","kind")
);

-- CreateIndex
CREATE INDEX "data_subject_requests_organization_id_status_due_at_idx" ON "data_subject_requests"("organization_id", "status", "due_at");

-- CreateIndex
CREATE INDEX "data_subject_requests_contact_id_idx" ON "data_subject_requests"("contact_id");

-- AddForeignKey
ALTER TABLE "data_subject_requests" ADD CONSTRAINT "data_subject_requests_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "suppressed_identities" ADD CONSTRAINT "suppressed_identities_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "retention_policies" ADD CONSTRAINT "retention_policies_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-Level Security (see the foundation migration).
ALTER TABLE "data_subject_requests" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "data_subject_requests" FORCE ROW LEVEL SECURITY;
CREATE POLICY "data_subject_requests_tenant" ON "data_subject_requests"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());

ALTER TABLE "suppressed_identities" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "suppressed_identities" FORCE ROW LEVEL SECURITY;
CREATE POLICY "suppressed_identities_tenant" ON "suppressed_identities"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());

ALTER TABLE "retention_policies" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "retention_policies" FORCE ROW LEVEL SECURITY;
CREATE POLICY "retention_policies_tenant" ON "retention_policies"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());
