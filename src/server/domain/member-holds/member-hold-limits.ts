import { RateLimiterMemory, RateLimiterPostgres } from "rate-limiter-flexible";
import { env } from "../../../env";
import { rateLimitPool } from "../../db/rate-limit-pool";

/** What a member's burst of exports or deletions is counted as. */
export type MemberActionKind = "export" | "deletion";
export type MemberHoldKind = MemberActionKind | "sign_in";

export interface MemberActionLimit {
  threshold: number;
  windowMinutes: number;
}

export function memberActionLimit(kind: MemberActionKind): MemberActionLimit {
  const settings = env();
  return {
    threshold: kind === "export" ? settings.MEMBER_EXPORTS_PER_WINDOW : settings.MEMBER_DELETIONS_PER_WINDOW,
    windowMinutes: settings.MEMBER_ACTION_WINDOW_MINUTES,
  };
}

const globalForLimiters = globalThis as typeof globalThis & { mirageHoldLimiters?: Map<string, RateLimiterPostgres> };

/**
 * The window counter, in Postgres (`rate_limits`) so every web process adds to one count. Its own points are
 * never the refusal: `penalty` only counts, and the caller compares with the threshold, so a hold (not a 429)
 * is what follows a burst. The memory insurance keeps counting if the database cannot be reached for it.
 */
export function memberActionCounter(kind: MemberActionKind): RateLimiterPostgres {
  globalForLimiters.mirageHoldLimiters ??= new Map();
  const keyPrefix = `member-${kind}`;
  let limiter = globalForLimiters.mirageHoldLimiters.get(keyPrefix);
  if (!limiter) {
    const duration = memberActionLimit(kind).windowMinutes * 60;
    const points = Number.MAX_SAFE_INTEGER;
    limiter = new RateLimiterPostgres({
      storeClient: rateLimitPool(),
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true,
      keyPrefix,
      points,
      duration,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration }),
    });
    globalForLimiters.mirageHoldLimiters.set(keyPrefix, limiter);
  }
  return limiter;
}

export const memberCounterKey = (member: { organizationId: string; userId: string }) =>
  `${member.organizationId}:${member.userId}`;
