-- AlterTable
ALTER TABLE "organizations" ADD COLUMN "ai_budget_exhausted_month" TEXT;

-- AlterTable
ALTER TABLE "ai_providers" ADD COLUMN "transcription_model" TEXT NOT NULL DEFAULT 'whisper-1';

-- AlterTable: the AI budget's notices belong to no rule.
ALTER TABLE "alert_notifications" ALTER COLUMN "rule_id" DROP NOT NULL;

-- AlterTable
ALTER TABLE "messages" ADD COLUMN "transcript" TEXT,
ADD COLUMN "transcript_language" TEXT,
ADD COLUMN "transcript_seconds" DOUBLE PRECISION,
ADD COLUMN "transcript_skip" TEXT;

-- A voice note is found by its words: the search vector takes the transcript too.
-- (Dropped and added again rather than `SET EXPRESSION`, which needs PostgreSQL 17: Mirage runs on 14 and later.)
ALTER TABLE "messages" DROP COLUMN "search_vector";
ALTER TABLE "messages" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    to_tsvector('mirage_portuguese'::regconfig,
        coalesce("body", '') || ' ' || coalesce("media_file_name", '') || ' ' || coalesce("transcript", ''))
) STORED;
CREATE INDEX "messages_search_vector_idx" ON "messages" USING GIN ("search_vector");

