-- Media failures are stored as codes (the UI words them), no longer as pt-BR sentences.
ALTER TABLE "messages" RENAME COLUMN "media_error" TO "media_failure";

UPDATE "messages" SET "media_failure" = CASE
    WHEN "media_status" = 'rejected' AND "media_failure" LIKE 'O arquivo está vazio%' THEN 'empty'
    WHEN "media_status" = 'rejected' THEN 'too_large'
    WHEN "media_failure" LIKE 'A Evolution API recusou%' THEN 'provider_refused'
    ELSE 'download_failed'
  END
WHERE "media_failure" IS NOT NULL;
