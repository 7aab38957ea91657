import type { RateLimiterPostgres } from "rate-limiter-flexible";
import { env } from "../../../env";
import { consumeLimit, postgresLimiter } from "./postgres-limiter";

/** Requests per client address per minute to routes open without a session (sign-in, invitation, reset). */
export function publicRateLimiter(): RateLimiterPostgres {
  return postgresLimiter("public", env().RATE_LIMIT_PUBLIC_PER_MINUTE);
}

export function consumePublicRateLimit(ip: string): Promise<void> {
  return consumeLimit(publicRateLimiter(), ip, "publicRateLimited");
}
