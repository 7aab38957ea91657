-- Composer help, the knowledge base ("treinamento") and automatic replies with guardrails.

-- CreateEnum
CREATE TYPE "AiKnowledgeKind" AS ENUM ('qa', 'text');

-- CreateEnum
CREATE TYPE "AiSuggestionOutcome" AS ENUM ('offered', 'used', 'edited', 'discarded');

-- CreateEnum
CREATE TYPE "AutoReplyMode" AS ENUM ('outside_business_hours', 'always', 'unassigned');

-- CreateEnum
CREATE TYPE "AutoReplyStatus" AS ENUM ('sent', 'draft', 'approved', 'discarded', 'handoff', 'rejected');

-- AlterTable
ALTER TABLE "conversations" ADD COLUMN "bot_paused_at" TIMESTAMPTZ(3),
ADD COLUMN "bot_pause_reason" TEXT;

-- CreateTable
CREATE TABLE "ai_knowledge_entries" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "kind" "AiKnowledgeKind" NOT NULL,
    "question" TEXT,
    "content" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ai_knowledge_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ai_suggestions" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "conversation_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "outcome" "AiSuggestionOutcome" NOT NULL DEFAULT 'offered',
    "message_id" UUID,
    "offered_to_user_id" UUID,
    "settled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ai_suggestions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ai_auto_reply_settings" (
    "instance_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "mode" "AutoReplyMode" NOT NULL DEFAULT 'outside_business_hours',
    "max_replies_per_conversation" INTEGER NOT NULL DEFAULT 3,
    "draft_mode" BOOLEAN NOT NULL DEFAULT false,
    "business_start_minute" INTEGER NOT NULL DEFAULT 540,
    "business_end_minute" INTEGER NOT NULL DEFAULT 1080,
    "business_days" INTEGER[] DEFAULT ARRAY[1, 2, 3, 4, 5]::INTEGER[],
    "blocked_topics" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "handoff_keywords" TEXT[] DEFAULT ARRAY['atendente', 'humano', 'pessoa']::TEXT[],
    "min_confidence" DOUBLE PRECISION NOT NULL DEFAULT 0.7,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ai_auto_reply_settings_pkey" PRIMARY KEY ("instance_id")
);

-- CreateTable
CREATE TABLE "ai_auto_replies" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "conversation_id" UUID NOT NULL,
    "trigger_message_id" UUID NOT NULL,
    "status" "AutoReplyStatus" NOT NULL,
    "body" TEXT,
    "reason" TEXT,
    "confidence" DOUBLE PRECISION,
    "message_id" UUID,
    "decided_by_user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ai_auto_replies_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ai_knowledge_entries_organization_id_created_at_idx" ON "ai_knowledge_entries"("organization_id", "created_at");

-- CreateIndex
CREATE INDEX "ai_suggestions_conversation_id_outcome_idx" ON "ai_suggestions"("conversation_id", "outcome");

-- CreateIndex
CREATE INDEX "ai_suggestions_organization_id_created_at_idx" ON "ai_suggestions"("organization_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "ai_auto_reply_settings_instance_id_organization_id_key" ON "ai_auto_reply_settings"("instance_id", "organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "ai_auto_replies_trigger_message_id_key" ON "ai_auto_replies"("trigger_message_id");

-- CreateIndex
CREATE INDEX "ai_auto_replies_conversation_id_status_idx" ON "ai_auto_replies"("conversation_id", "status");

-- AddForeignKey
ALTER TABLE "ai_knowledge_entries" ADD CONSTRAINT "ai_knowledge_entries_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ai_suggestions" ADD CONSTRAINT "ai_suggestions_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ai_suggestions" ADD CONSTRAINT "ai_suggestions_conversation_id_organization_id_fkey" FOREIGN KEY ("conversation_id", "organization_id") REFERENCES "conversations"("id", "organization_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ai_auto_reply_settings" ADD CONSTRAINT "ai_auto_reply_settings_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ai_auto_reply_settings" ADD CONSTRAINT "ai_auto_reply_settings_instance_id_organization_id_fkey" FOREIGN KEY ("instance_id", "organization_id") REFERENCES "instances"("id", "organization_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ai_auto_replies" ADD CONSTRAINT "ai_auto_replies_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ai_auto_replies" ADD CONSTRAINT "ai_auto_replies_conversation_id_organization_id_fkey" FOREIGN KEY ("conversation_id", "organization_id") REFERENCES "conversations"("id", "organization_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-Level Security (see the foundation migration).
ALTER TABLE "ai_knowledge_entries" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ai_knowledge_entries" FORCE ROW LEVEL SECURITY;
CREATE POLICY "ai_knowledge_entries_tenant" ON "ai_knowledge_entries"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());

ALTER TABLE "ai_suggestions" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ai_suggestions" FORCE ROW LEVEL SECURITY;
CREATE POLICY "ai_suggestions_tenant" ON "ai_suggestions"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());

ALTER TABLE "ai_auto_reply_settings" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ai_auto_reply_settings" FORCE ROW LEVEL SECURITY;
CREATE POLICY "ai_auto_reply_settings_tenant" ON "ai_auto_reply_settings"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());

ALTER TABLE "ai_auto_replies" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ai_auto_replies" FORCE ROW LEVEL SECURITY;
CREATE POLICY "ai_auto_replies_tenant" ON "ai_auto_replies"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());
