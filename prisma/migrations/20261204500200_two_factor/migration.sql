-- TOTP two-factor sign-in. The secret is sealed with ENCRYPTION_KEY; it counts only once confirmed
-- (two_factor_enabled_at). The last accepted time step refuses a code's replay; recovery codes are kept as
-- SHA-256 hashes (they are random, not chosen) and removed as they are used.

-- AlterTable
ALTER TABLE "users" ADD COLUMN "totp_secret_encrypted" TEXT,
ADD COLUMN "two_factor_enabled_at" TIMESTAMPTZ(3),
ADD COLUMN "totp_last_step" BIGINT,
ADD COLUMN "recovery_code_hashes" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "organizations" ADD COLUMN "require_two_factor" BOOLEAN NOT NULL DEFAULT false;
