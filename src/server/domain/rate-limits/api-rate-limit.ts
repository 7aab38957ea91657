import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "../../../env";
import { rateLimitPool } from "../../db/rate-limit-pool";
import { AppError } from "../../errors";

const globalForLimiter = globalThis as typeof globalThis & { mirageApiLimiter?: RateLimiterPostgres };

/**
 * Calls per member per organization per minute, counted in Postgres so every web process shares the count.
 * If the database can't be reached for the count, a per-process memory limiter stands in (insurance) rather
 * than refusing every call.
 */
export function apiRateLimiter(): RateLimiterPostgres {
  if (!globalForLimiter.mirageApiLimiter) {
    const points = env().RATE_LIMIT_API_PER_MINUTE;
    globalForLimiter.mirageApiLimiter = new RateLimiterPostgres({
      storeClient: rateLimitPool(),
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true,
      keyPrefix: "api",
      points,
      duration: 60,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix: "api", points, duration: 60 }),
    });
  }
  return globalForLimiter.mirageApiLimiter;
}

export const apiRateLimitKey = (actor: { organizationId: string; userId: string }) =>
  `${actor.organizationId}:${actor.userId}`;

/** Counts one API call of the member; past the limit, RATE_LIMITED with the seconds to wait. */
export async function consumeApiRateLimit(actor: { organizationId: string; userId: string }): Promise<void> {
  try {
    await apiRateLimiter().consume(apiRateLimitKey(actor));
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw new AppError("RATE_LIMITED", "Muitas requisições em pouco tempo. Aguarde um instante.", {
      details: { retryAfterSeconds },
    });
  }
}
