-- Media failures are stored as codes (the UI words them), no longer as pt-BR sentences.
ALTER TABLE "messages" RENAME COLUMN "media_error" TO "media_failure";

-- Forced row-level security would hide every row from this update (no organization is set here):
-- lifted for the migration's own transaction, as the codes migration does.
ALTER TABLE "messages" NO FORCE ROW LEVEL SECURITY;

-- What is stored is either the codes migration's reason (it runs first) or, for rows it did not know,
-- the original sentence.
UPDATE "messages" SET "media_failure" = CASE
    WHEN "media_failure" IN ('empty', 'too_large', 'provider_refused', 'download_failed') THEN "media_failure"
    WHEN "media_failure" = 'fileEmpty' OR "media_failure" LIKE 'O arquivo está vazio%' THEN 'empty'
    WHEN "media_status" = 'rejected' THEN 'too_large'
    WHEN "media_failure" LIKE 'evolution%' OR "media_failure" LIKE 'A Evolution API recusou%' THEN 'provider_refused'
    ELSE 'download_failed'
  END
WHERE "media_failure" IS NOT NULL;

ALTER TABLE "messages" FORCE ROW LEVEL SECURITY;
