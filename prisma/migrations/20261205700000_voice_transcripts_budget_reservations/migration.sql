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
ALTER TABLE "messages" ALTER COLUMN "search_vector" SET EXPRESSION AS (
    to_tsvector('mirage_portuguese'::regconfig,
        coalesce("body", '') || ' ' || coalesce("media_file_name", '') || ' ' || coalesce("transcript", ''))
);
