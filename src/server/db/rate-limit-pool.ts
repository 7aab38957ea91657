import pg from "pg";
import { env } from "../../env";
import { logger } from "../logger";

const globalForRateLimit = globalThis as typeof globalThis & { mirageRateLimitPool?: pg.Pool };

/**
 * A small pool of its own for rate-limit counters: one upsert per call, which must not wait behind the
 * application's transactions in Prisma's pool.
 */
export function rateLimitPool(): pg.Pool {
  if (!globalForRateLimit.mirageRateLimitPool) {
    const pool = new pg.Pool({
      connectionString: env().DATABASE_URL,
      max: 2,
      connectionTimeoutMillis: 2_000,
      statement_timeout: 2_000,
      application_name: `mirage-${process.env.MIRAGE_PROCESS ?? "web"}-rate-limit`,
    });
    pool.on("error", (error) => logger.warn({ err: error }, "rate-limit database connection lost"));
    globalForRateLimit.mirageRateLimitPool = pool;
  }
  return globalForRateLimit.mirageRateLimitPool;
}

export async function closeRateLimitPool(): Promise<void> {
  const pool = globalForRateLimit.mirageRateLimitPool;
  globalForRateLimit.mirageRateLimitPool = undefined;
  await pool?.end();
}
