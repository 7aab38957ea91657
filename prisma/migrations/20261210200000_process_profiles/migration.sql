-- CreateEnum
CREATE TYPE "ProfileTarget" AS ENUM ('web', 'worker');

-- CreateEnum
CREATE TYPE "ProfileKind" AS ENUM ('cpu', 'heap');

-- CreateEnum
CREATE TYPE "ProfileState" AS ENUM ('pending', 'running', 'done', 'failed');

-- CreateTable
CREATE TABLE "process_profiles" (
    "id" UUID NOT NULL,
    "target" "ProfileTarget" NOT NULL,
    "kind" "ProfileKind" NOT NULL,
    "duration_seconds" INTEGER,
    "state" "ProfileState" NOT NULL DEFAULT 'pending',
    "requested_by_user_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "process_label" TEXT,
    "size_bytes" INTEGER,
    "failure_reason" TEXT,
    "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "process_profiles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "profile_chunks" (
    "profile_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "profile_chunks_pkey" PRIMARY KEY ("profile_id","seq")
);

-- CreateIndex
CREATE INDEX "process_profiles_target_state_requested_at_idx" ON "process_profiles"("target", "state", "requested_at");

-- AddForeignKey
ALTER TABLE "profile_chunks" ADD CONSTRAINT "profile_chunks_profile_id_fkey" FOREIGN KEY ("profile_id") REFERENCES "process_profiles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-Level Security: a process's internals belong to the installation, not to any organization; only the
-- platform's scope (`withPlatform`: platform admins and the profiled process itself) reads or writes them.
ALTER TABLE "process_profiles" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "process_profiles" FORCE ROW LEVEL SECURITY;
CREATE POLICY "process_profiles_platform" ON "process_profiles"
    USING (current_setting('mirage.platform', true) = 'on')
    WITH CHECK (current_setting('mirage.platform', true) = 'on');
ALTER TABLE "profile_chunks" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "profile_chunks" FORCE ROW LEVEL SECURITY;
CREATE POLICY "profile_chunks_platform" ON "profile_chunks"
    USING (current_setting('mirage.platform', true) = 'on')
    WITH CHECK (current_setting('mirage.platform', true) = 'on');
