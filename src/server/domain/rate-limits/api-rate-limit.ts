import type { RateLimiterPostgres } from "rate-limiter-flexible";
import { env } from "../../../env";
import { consumeLimit, postgresLimiter } from "./postgres-limiter";

/** Calls per member per organization per minute. */
export function apiRateLimiter(): RateLimiterPostgres {
  return postgresLimiter("api", env().RATE_LIMIT_API_PER_MINUTE);
}

export const apiRateLimitKey = (actor: { organizationId: string; userId: string }) =>
  `${actor.organizationId}:${actor.userId}`;

/** Counts one API call of the member; past the limit, RATE_LIMITED with the seconds to wait. */
export function consumeApiRateLimit(actor: { organizationId: string; userId: string }): Promise<void> {
  return consumeLimit(apiRateLimiter(), apiRateLimitKey(actor), "apiRateLimited");
}
