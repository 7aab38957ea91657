-- What a saved report compares its period with: none, the previous period, the same dates a year earlier.

-- AlterTable
ALTER TABLE "saved_reports" ADD COLUMN     "comparison" TEXT NOT NULL DEFAULT 'none';
