-- CreateTable
CREATE TABLE "slow_queries" (
    "id" UUID NOT NULL,
    "query_hash" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "total_ms" DOUBLE PRECISION NOT NULL,
    "max_ms" DOUBLE PRECISION NOT NULL,
    "last_ms" DOUBLE PRECISION NOT NULL,
    "explain" TEXT,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "slow_queries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "slow_queries_query_hash_key" ON "slow_queries"("query_hash");

-- CreateIndex
CREATE INDEX "slow_queries_max_ms_idx" ON "slow_queries"("max_ms" DESC);

-- Row-Level Security: statements of every organization, so no organization's; only the platform's
-- scope (`withPlatform`, the recorder's own transaction) reads or writes them.
ALTER TABLE "slow_queries" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "slow_queries" FORCE ROW LEVEL SECURITY;
CREATE POLICY "slow_queries_platform" ON "slow_queries"
    USING (current_setting('mirage.platform', true) = 'on')
    WITH CHECK (current_setting('mirage.platform', true) = 'on');
