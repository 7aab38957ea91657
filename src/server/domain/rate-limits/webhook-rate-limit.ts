import type { RateLimiterPostgres } from "rate-limiter-flexible";
import { env } from "../../../env";
import { consumeLimit, postgresLimiter } from "./postgres-limiter";

/** Authenticated webhook deliveries per instance per minute, set well above what Evolution sends. */
export function webhookRateLimiter(): RateLimiterPostgres {
  return postgresLimiter("webhook", env().RATE_LIMIT_WEBHOOK_PER_MINUTE);
}

export function consumeWebhookRateLimit(instanceId: string): Promise<void> {
  return consumeLimit(webhookRateLimiter(), instanceId, "webhookRateLimited");
}
