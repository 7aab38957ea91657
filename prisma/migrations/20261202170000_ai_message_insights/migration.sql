-- CreateEnum
CREATE TYPE "Sentiment" AS ENUM ('positive', 'neutral', 'negative');

-- CreateEnum
CREATE TYPE "InsightReview" AS ENUM ('confirmed', 'corrected');

-- AlterTable
ALTER TABLE "organizations"
    ADD COLUMN "ai_labels" TEXT[] DEFAULT ARRAY['question', 'complaint', 'purchase', 'support', 'praise', 'spam', 'opt_out']::TEXT[];

-- AlterTable
ALTER TABLE "contacts" ADD COLUMN "ai_opt_out" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "message_insights" (
    "message_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "sentiment" "Sentiment" NOT NULL,
    "sentiment_score" DOUBLE PRECISION NOT NULL,
    "label" TEXT,
    "confidence" DOUBLE PRECISION NOT NULL,
    "language" TEXT NOT NULL,
    "engine" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "engine_version" TEXT NOT NULL,
    "review" "InsightReview",
    "reviewed_sentiment" "Sentiment",
    "reviewed_label" TEXT,
    "reviewed_by_user_id" UUID,
    "reviewed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "message_insights_pkey" PRIMARY KEY ("message_id")
);

-- CreateIndex
CREATE INDEX "message_insights_organization_id_created_at_idx" ON "message_insights"("organization_id", "created_at");

-- AddForeignKey
ALTER TABLE "message_insights" ADD CONSTRAINT "message_insights_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "message_insights" ADD CONSTRAINT "message_insights_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-Level Security (see the foundation migration).
ALTER TABLE "message_insights" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "message_insights" FORCE ROW LEVEL SECURITY;
CREATE POLICY "message_insights_tenant" ON "message_insights"
    USING ("organization_id" = mirage_current_organization_id())
    WITH CHECK ("organization_id" = mirage_current_organization_id());
