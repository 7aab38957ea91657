-- AlterTable
ALTER TABLE "backups" ADD COLUMN "remote_location" TEXT,
ADD COLUMN "remote_failure_reason" TEXT,
ADD COLUMN "remote_pruned" BOOLEAN NOT NULL DEFAULT false;
