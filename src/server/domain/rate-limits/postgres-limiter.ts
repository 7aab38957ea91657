import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { rateLimitPool } from "../../db/rate-limit-pool";
import { AppError } from "../../errors";
import type { ErrorReason } from "../../../shared/error-reasons";

const globalForLimiters = globalThis as typeof globalThis & { mirageLimiters?: Map<string, RateLimiterPostgres> };

/**
 * A per-minute limiter counted in Postgres (`rate_limits`), so every web process shares the count; one per
 * key prefix per process. If the database can't be reached for the count, a per-process memory limiter
 * stands in (insurance) rather than refusing every call.
 */
export function postgresLimiter(keyPrefix: string, pointsPerMinute: number): RateLimiterPostgres {
  globalForLimiters.mirageLimiters ??= new Map();
  let limiter = globalForLimiters.mirageLimiters.get(keyPrefix);
  if (!limiter) {
    limiter = new RateLimiterPostgres({
      storeClient: rateLimitPool(),
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true,
      keyPrefix,
      points: pointsPerMinute,
      duration: 60,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix, points: pointsPerMinute, duration: 60 }),
    });
    globalForLimiters.mirageLimiters.set(keyPrefix, limiter);
  }
  return limiter;
}

/** Counts one call for `key`; past the limit, RATE_LIMITED with the seconds to wait (for Retry-After). */
export async function consumeLimit(limiter: RateLimiterPostgres, key: string, reason: ErrorReason): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (!isLimiterAnswer(rejection)) throw rejection;
    const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw new AppError("RATE_LIMITED", reason, { params: { retryAfterSeconds }, details: { retryAfterSeconds } });
  }
}

/**
 * The limiter's "over the limit" answer. Checked by shape as well as class: limiters are cached on globalThis,
 * so one built by another bundle's copy of the package rejected with a RateLimiterRes this copy's instanceof
 * did not know (a 429 answered as 500). next.config.mjs now keeps the package external (one copy); the shape
 * check stays for any other loader (tsx in server.ts, vitest) that may load it twice.
 */
function isLimiterAnswer(value: unknown): value is RateLimiterRes {
  return (
    value instanceof RateLimiterRes ||
    (typeof value === "object" &&
      value !== null &&
      !(value instanceof Error) &&
      typeof (value as { msBeforeNext?: unknown }).msBeforeNext === "number")
  );
}
