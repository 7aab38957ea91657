-- The AI call path: every model call logged with its cost, a monthly budget in the organization's
-- currency, redaction and the external-transfer switch, and stored conversation summaries.

-- AlterTable
ALTER TABLE "organizations"
    ADD COLUMN "currency" TEXT NOT NULL DEFAULT 'BRL',
    ADD COLUMN "ai_monthly_budget" DECIMAL(12,2),
    ADD COLUMN "ai_budget_alert_month" TEXT,
    ADD COLUMN "ai_external_transfer" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "ai_redact_personal_data" BOOLEAN NOT NULL DEFAULT true,
    ADD COLUMN "ai_log_retention_days" INTEGER NOT NULL DEFAULT 90;

-- AlterTable
ALTER TABLE "ai_providers" ADD COLUMN "model_prices" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "ai_calls" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "feature" TEXT NOT NULL,
    "engine" TEXT NOT NULL,
    "provider_host" TEXT,
    "model" TEXT NOT NULL,
    "prompt_version" TEXT NOT NULL,
    "tokens_in" INTEGER NOT NULL DEFAULT 0,
    "tokens_out" INTEGER NOT NULL DEFAULT 0,
    "cost" DECIMAL(14,6) NOT NULL DEFAULT 0,
    "latency_ms" INTEGER NOT NULL DEFAULT 0,
    "outcome" TEXT NOT NULL,
    "error_code" TEXT,
    "input" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ai_calls_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conversation_summaries" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "conversation_id" UUID NOT NULL,
    "trigger" TEXT NOT NULL,
    "engine" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "prompt_version" TEXT NOT NULL,
    "fallback_reason" TEXT,
    "summary" TEXT NOT NULL,
    "last_message_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "conversation_summaries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ai_calls_organization_id_created_at_idx" ON "ai_calls"("organization_id", "created_at");

-- CreateIndex
CREATE INDEX "conversation_summaries_organization_id_conversation_id_created_at_idx" ON "conversation_summaries"("organization_id", "conversation_id", "created_at");

-- AddForeignKey
ALTER TABLE "ai_calls" ADD CONSTRAINT "ai_calls_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversation_summaries" ADD CONSTRAINT "conversation_summaries_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversation_summaries" ADD CONSTRAINT "conversation_summaries_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-Level Security (see the foundation migration).
ALTER TABLE "ai_calls" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ai_calls" FORCE ROW LEVEL SECURITY;
CREATE POLICY "ai_calls_tenant" ON "ai_calls"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());

ALTER TABLE "conversation_summaries" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "conversation_summaries" FORCE ROW LEVEL SECURITY;
CREATE POLICY "conversation_summaries_tenant" ON "conversation_summaries"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());
