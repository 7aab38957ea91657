-- AlterTable
ALTER TABLE "instances" ADD COLUMN "webhook_url" TEXT;
