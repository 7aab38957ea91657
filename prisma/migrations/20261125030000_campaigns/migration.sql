-- Contacts, consent and outreach campaigns.

-- CreateEnum
CREATE TYPE "ConsentStatus" AS ENUM ('opted_in', 'opted_out', 'unknown');

-- CreateEnum
CREATE TYPE "ConsentSource" AS ENUM ('import', 'form', 'whatsapp', 'manual');

-- CreateEnum
CREATE TYPE "LegalBasis" AS ENUM ('consent', 'legitimate_interest', 'contract', 'legal_obligation');

-- CreateEnum
CREATE TYPE "ContactFieldType" AS ENUM ('text', 'number', 'date');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('previewed', 'running', 'completed', 'failed');

-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('draft', 'scheduled', 'running', 'paused', 'completed', 'cancelled');

-- CreateEnum
CREATE TYPE "RecipientStatus" AS ENUM ('excluded', 'pending', 'claimed', 'sent', 'delivered', 'read', 'replied', 'failed', 'skipped', 'unknown');

-- AlterTable
ALTER TABLE "organizations"
    ADD COLUMN "opt_out_keywords" TEXT[] DEFAULT ARRAY['sair', 'parar', 'pare', 'stop', 'cancelar', 'descadastrar', 'remover', 'nao quero mais', 'nao quero receber', 'unsubscribe']::TEXT[],
    ADD COLUMN "opt_in_keywords" TEXT[] DEFAULT ARRAY['voltar', 'quero voltar']::TEXT[],
    ADD COLUMN "opt_out_reply" TEXT NOT NULL DEFAULT 'Pronto! Você não receberá mais nossas mensagens. Se mudar de ideia, envie VOLTAR.';

-- AlterTable
ALTER TABLE "contacts"
    ADD COLUMN "consent_status" "ConsentStatus" NOT NULL DEFAULT 'unknown',
    ADD COLUMN "consent_legal_basis" "LegalBasis",
    ADD COLUMN "consent_updated_at" TIMESTAMPTZ(3),
    ADD COLUMN "blocked_at" TIMESTAMPTZ(3),
    ADD COLUMN "blocked_reason" TEXT,
    ADD COLUMN "custom_fields" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "consent_events" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "contact_id" UUID NOT NULL,
    "status" "ConsentStatus" NOT NULL,
    "source" "ConsentSource" NOT NULL,
    "legal_basis" "LegalBasis",
    "evidence" TEXT,
    "actor_user_id" UUID,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consent_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contact_tags" (
    "contact_id" UUID NOT NULL,
    "tag_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contact_tags_pkey" PRIMARY KEY ("contact_id","tag_id")
);

-- CreateTable
CREATE TABLE "contact_fields" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "type" "ContactFieldType" NOT NULL DEFAULT 'text',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contact_fields_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contact_imports" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "file_key" TEXT NOT NULL,
    "mapping" JSONB NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'previewed',
    "total_rows" INTEGER NOT NULL DEFAULT 0,
    "processed_rows" INTEGER NOT NULL DEFAULT 0,
    "created_count" INTEGER NOT NULL DEFAULT 0,
    "updated_count" INTEGER NOT NULL DEFAULT 0,
    "unchanged_count" INTEGER NOT NULL DEFAULT 0,
    "rejected_count" INTEGER NOT NULL DEFAULT 0,
    "report_key" TEXT,
    "error" TEXT,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "contact_imports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaigns" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "status" "CampaignStatus" NOT NULL DEFAULT 'draft',
    "legal_basis" "LegalBasis" NOT NULL,
    "audience" JSONB NOT NULL,
    "variants" JSONB NOT NULL,
    "instance_ids" UUID[],
    "limits" JSONB NOT NULL,
    "schedule" JSONB NOT NULL,
    "recent_contact_days" INTEGER NOT NULL DEFAULT 7,
    "thresholds" JSONB NOT NULL,
    "pause_reason" TEXT,
    "created_by_id" UUID,
    "launched_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "campaigns_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_recipients" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "contact_id" UUID NOT NULL,
    "instance_id" UUID,
    "variant" INTEGER NOT NULL DEFAULT 0,
    "status" "RecipientStatus" NOT NULL DEFAULT 'pending',
    "reason" TEXT,
    "message_id" UUID,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3),
    "claimed_at" TIMESTAMPTZ(3),
    "sent_at" TIMESTAMPTZ(3),
    "delivered_at" TIMESTAMPTZ(3),
    "read_at" TIMESTAMPTZ(3),
    "replied_at" TIMESTAMPTZ(3),
    "opted_out_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "campaign_recipients_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "contacts_organization_id_consent_status_idx" ON "contacts"("organization_id", "consent_status");

-- CreateIndex
CREATE INDEX "contacts_organization_id_last_interaction_at_idx" ON "contacts"("organization_id", "last_interaction_at" DESC);

-- CreateIndex
CREATE INDEX "consent_events_contact_id_occurred_at_idx" ON "consent_events"("contact_id", "occurred_at" DESC);

-- CreateIndex
CREATE INDEX "contact_tags_tag_id_idx" ON "contact_tags"("tag_id");

-- CreateIndex
CREATE UNIQUE INDEX "contact_fields_organization_id_key_key" ON "contact_fields"("organization_id", "key");

-- CreateIndex
CREATE INDEX "contact_imports_organization_id_created_at_idx" ON "contact_imports"("organization_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "campaigns_id_organization_id_key" ON "campaigns"("id", "organization_id");

-- CreateIndex
CREATE INDEX "campaigns_organization_id_status_idx" ON "campaigns"("organization_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "campaign_recipients_campaign_id_contact_id_key" ON "campaign_recipients"("campaign_id", "contact_id");

-- CreateIndex
CREATE INDEX "campaign_recipients_campaign_id_status_next_attempt_at_idx" ON "campaign_recipients"("campaign_id", "status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "campaign_recipients_instance_id_claimed_at_idx" ON "campaign_recipients"("instance_id", "claimed_at");

-- CreateIndex
CREATE INDEX "campaign_recipients_contact_id_sent_at_idx" ON "campaign_recipients"("contact_id", "sent_at");

-- CreateIndex
CREATE INDEX "campaign_recipients_message_id_idx" ON "campaign_recipients"("message_id");

-- AddForeignKey
ALTER TABLE "consent_events" ADD CONSTRAINT "consent_events_contact_id_organization_id_fkey" FOREIGN KEY ("contact_id", "organization_id") REFERENCES "contacts"("id", "organization_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact_tags" ADD CONSTRAINT "contact_tags_contact_id_organization_id_fkey" FOREIGN KEY ("contact_id", "organization_id") REFERENCES "contacts"("id", "organization_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact_tags" ADD CONSTRAINT "contact_tags_tag_id_organization_id_fkey" FOREIGN KEY ("tag_id", "organization_id") REFERENCES "tags"("id", "organization_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact_fields" ADD CONSTRAINT "contact_fields_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact_imports" ADD CONSTRAINT "contact_imports_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_recipients" ADD CONSTRAINT "campaign_recipients_campaign_id_organization_id_fkey" FOREIGN KEY ("campaign_id", "organization_id") REFERENCES "campaigns"("id", "organization_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-Level Security (see the foundation migration).
ALTER TABLE "consent_events" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "consent_events" FORCE ROW LEVEL SECURITY;
CREATE POLICY "consent_events_tenant" ON "consent_events"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());

ALTER TABLE "contact_tags" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "contact_tags" FORCE ROW LEVEL SECURITY;
CREATE POLICY "contact_tags_tenant" ON "contact_tags"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());

ALTER TABLE "contact_fields" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "contact_fields" FORCE ROW LEVEL SECURITY;
CREATE POLICY "contact_fields_tenant" ON "contact_fields"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());

ALTER TABLE "contact_imports" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "contact_imports" FORCE ROW LEVEL SECURITY;
CREATE POLICY "contact_imports_tenant" ON "contact_imports"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());

ALTER TABLE "campaigns" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "campaigns" FORCE ROW LEVEL SECURITY;
CREATE POLICY "campaigns_tenant" ON "campaigns"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());

ALTER TABLE "campaign_recipients" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "campaign_recipients" FORCE ROW LEVEL SECURITY;
CREATE POLICY "campaign_recipients_tenant" ON "campaign_recipients"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());
