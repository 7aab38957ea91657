-- Rate-limit counters shared by every web process (rate-limiter-flexible's Postgres store, in the table
-- layout it expects). Keys name the limit and its subject (e.g. api:<organization>:<user>); no tenant data.

-- CreateTable
CREATE TABLE "rate_limits" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "rate_limits_expire_idx" ON "rate_limits"("expire");
