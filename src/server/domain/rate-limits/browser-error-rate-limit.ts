import { consumeLimit, postgresLimiter } from "./postgres-limiter";

/** Error reports a browser may post per minute: a page stuck in an error loop must not flood the table. */
const BROWSER_ERRORS_PER_MINUTE = 30;

export function consumeBrowserErrorRateLimit(ip: string): Promise<void> {
  return consumeLimit(postgresLimiter("browser-errors", BROWSER_ERRORS_PER_MINUTE), ip, "publicRateLimited");
}
