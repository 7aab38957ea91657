-- A password someone else chose or the first start generated must be replaced after the first sign-in.

-- AlterTable
ALTER TABLE "users" ADD COLUMN "must_change_password" BOOLEAN NOT NULL DEFAULT false;
