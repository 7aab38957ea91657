-- CreateEnum
CREATE TYPE "LegalDocumentKind" AS ENUM ('terms', 'privacy_policy');

-- CreateEnum
CREATE TYPE "LegalDocumentStatus" AS ENUM ('draft', 'published');

-- CreateEnum
CREATE TYPE "SecurityIncidentStatus" AS ENUM ('open', 'notified', 'closed');

-- CreateEnum
CREATE TYPE "OptInRequestStatus" AS ENUM ('pending', 'confirmed', 'refused');

-- AlterTable
ALTER TABLE "organizations" ADD COLUMN     "dpo_email" TEXT,
ADD COLUMN     "dpo_name" TEXT;

-- CreateTable
CREATE TABLE "legal_documents" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "kind" "LegalDocumentKind" NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "LegalDocumentStatus" NOT NULL DEFAULT 'draft',
    "body" TEXT NOT NULL,
    "created_by_id" UUID,
    "published_by_id" UUID,
    "published_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "legal_documents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "terms_acceptances" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "document_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "ip_address" TEXT,
    "accepted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "terms_acceptances_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "security_incidents" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "description" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3),
    "detected_at" TIMESTAMPTZ(3) NOT NULL,
    "data_categories" TEXT[],
    "affected_count" INTEGER NOT NULL,
    "measures" TEXT NOT NULL,
    "status" "SecurityIncidentStatus" NOT NULL DEFAULT 'open',
    "notice_due_at" TIMESTAMPTZ(3) NOT NULL,
    "reminded_at" TIMESTAMPTZ(3),
    "anpd_notified_at" TIMESTAMPTZ(3),
    "subjects_notified_at" TIMESTAMPTZ(3),
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "security_incidents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "opt_in_forms" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "token" TEXT NOT NULL,
    "campaign_id" UUID,
    "instance_id" UUID NOT NULL,
    "wording" TEXT NOT NULL,
    "wording_version" INTEGER NOT NULL DEFAULT 1,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "opt_in_forms_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "opt_in_requests" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "form_id" UUID NOT NULL,
    "contact_id" UUID NOT NULL,
    "wording_version" INTEGER NOT NULL,
    "ip_address" TEXT NOT NULL,
    "status" "OptInRequestStatus" NOT NULL DEFAULT 'pending',
    "message_id" UUID,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answered_at" TIMESTAMPTZ(3),

    CONSTRAINT "opt_in_requests_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "legal_documents_organization_id_kind_version_key" ON "legal_documents"("organization_id", "kind", "version");

-- CreateIndex
CREATE INDEX "terms_acceptances_organization_id_user_id_idx" ON "terms_acceptances"("organization_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "terms_acceptances_document_id_user_id_key" ON "terms_acceptances"("document_id", "user_id");

-- CreateIndex
CREATE INDEX "security_incidents_organization_id_status_notice_due_at_idx" ON "security_incidents"("organization_id", "status", "notice_due_at");

-- CreateIndex
CREATE UNIQUE INDEX "opt_in_forms_token_key" ON "opt_in_forms"("token");

-- CreateIndex
CREATE INDEX "opt_in_forms_organization_id_idx" ON "opt_in_forms"("organization_id");

-- CreateIndex
CREATE INDEX "opt_in_requests_organization_id_contact_id_status_idx" ON "opt_in_requests"("organization_id", "contact_id", "status");

-- AddForeignKey
ALTER TABLE "legal_documents" ADD CONSTRAINT "legal_documents_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "terms_acceptances" ADD CONSTRAINT "terms_acceptances_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "terms_acceptances" ADD CONSTRAINT "terms_acceptances_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "legal_documents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "security_incidents" ADD CONSTRAINT "security_incidents_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opt_in_forms" ADD CONSTRAINT "opt_in_forms_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opt_in_requests" ADD CONSTRAINT "opt_in_requests_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opt_in_requests" ADD CONSTRAINT "opt_in_requests_form_id_fkey" FOREIGN KEY ("form_id") REFERENCES "opt_in_forms"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-Level Security (see the foundation migration).
ALTER TABLE "legal_documents" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "legal_documents" FORCE ROW LEVEL SECURITY;
CREATE POLICY "legal_documents_tenant" ON "legal_documents"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());

ALTER TABLE "terms_acceptances" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "terms_acceptances" FORCE ROW LEVEL SECURITY;
CREATE POLICY "terms_acceptances_tenant" ON "terms_acceptances"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());

ALTER TABLE "security_incidents" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "security_incidents" FORCE ROW LEVEL SECURITY;
CREATE POLICY "security_incidents_tenant" ON "security_incidents"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());

ALTER TABLE "opt_in_forms" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "opt_in_forms" FORCE ROW LEVEL SECURITY;
CREATE POLICY "opt_in_forms_tenant" ON "opt_in_forms"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());
-- The public page knows only the link's token: it may read that one form (and nothing else) to learn its
-- organization, then binds the organization like any other request.
CREATE POLICY "opt_in_forms_by_token" ON "opt_in_forms" FOR SELECT
    USING ("token" = current_setting('mirage.opt_in_token', true));

ALTER TABLE "opt_in_requests" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "opt_in_requests" FORCE ROW LEVEL SECURITY;
CREATE POLICY "opt_in_requests_tenant" ON "opt_in_requests"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());

-- A published legal document is what members accepted and persons read: it is never changed or removed
-- (except by its organization's cascade, pg_trigger_depth() > 1).
CREATE FUNCTION mirage_legal_documents_published_immutable() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND (OLD.status = 'draft' OR pg_trigger_depth() > 1) THEN
        RETURN OLD;
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.status = 'draft' THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'a published legal document is immutable (%)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER "legal_documents_published_immutable" BEFORE UPDATE OR DELETE ON "legal_documents"
    FOR EACH ROW EXECUTE FUNCTION mirage_legal_documents_published_immutable();

-- ANPD Res. 15/2024 art. 10: the incident register is kept for at least five years. Only an organization's
-- cascade removes a younger row.
CREATE FUNCTION mirage_security_incidents_kept() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF pg_trigger_depth() > 1 OR OLD.created_at < now() - interval '5 years' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'security incidents are kept for five years' USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER "security_incidents_kept" BEFORE DELETE ON "security_incidents"
    FOR EACH ROW EXECUTE FUNCTION mirage_security_incidents_kept();
