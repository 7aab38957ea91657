-- CreateEnum
CREATE TYPE "AiPromptStatus" AS ENUM ('draft', 'published');

-- CreateEnum
CREATE TYPE "AiEvaluationStatus" AS ENUM ('queued', 'running', 'done', 'failed');

-- AlterTable
ALTER TABLE "ai_calls" ADD COLUMN "prompt_version_id" UUID;

-- AlterTable
ALTER TABLE "ai_suggestions" ADD COLUMN "prompt_version_id" UUID;

-- AlterTable
ALTER TABLE "conversation_summaries" ADD COLUMN "prompt_version_id" UUID;

-- AlterTable
ALTER TABLE "message_insights" ADD COLUMN "prompt_version_id" UUID;

-- CreateTable
CREATE TABLE "ai_prompt_versions" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "feature" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "AiPromptStatus" NOT NULL DEFAULT 'draft',
    "body" TEXT NOT NULL,
    "share" INTEGER NOT NULL DEFAULT 0,
    "created_by_user_id" UUID,
    "published_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ai_prompt_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ai_evaluation_runs" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "prompt_version_id" UUID,
    "status" "AiEvaluationStatus" NOT NULL DEFAULT 'queued',
    "size" INTEGER NOT NULL DEFAULT 0,
    "answered" INTEGER NOT NULL DEFAULT 0,
    "accuracy" DOUBLE PRECISION,
    "macro_f1" DOUBLE PRECISION,
    "per_label" JSONB NOT NULL DEFAULT '{}',
    "error_code" TEXT,
    "requested_by_user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "ai_evaluation_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ai_prompt_versions_organization_id_feature_number_key" ON "ai_prompt_versions"("organization_id", "feature", "number");

-- CreateIndex
CREATE INDEX "ai_evaluation_runs_organization_id_created_at_idx" ON "ai_evaluation_runs"("organization_id", "created_at");

-- CreateIndex
CREATE INDEX "ai_evaluation_runs_prompt_version_id_idx" ON "ai_evaluation_runs"("prompt_version_id");

-- CreateIndex
CREATE INDEX "ai_calls_prompt_version_id_idx" ON "ai_calls"("prompt_version_id");

-- AddForeignKey
ALTER TABLE "ai_prompt_versions" ADD CONSTRAINT "ai_prompt_versions_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ai_evaluation_runs" ADD CONSTRAINT "ai_evaluation_runs_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ai_evaluation_runs" ADD CONSTRAINT "ai_evaluation_runs_prompt_version_id_fkey" FOREIGN KEY ("prompt_version_id") REFERENCES "ai_prompt_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-Level Security (see the foundation migration).
ALTER TABLE "ai_prompt_versions" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ai_prompt_versions" FORCE ROW LEVEL SECURITY;
CREATE POLICY "ai_prompt_versions_tenant" ON "ai_prompt_versions"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());

ALTER TABLE "ai_evaluation_runs" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ai_evaluation_runs" FORCE ROW LEVEL SECURITY;
CREATE POLICY "ai_evaluation_runs_tenant" ON "ai_evaluation_runs"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());
