import { db } from "../../db/client";

export interface ThrottleLimits {
  maxFailuresPerAccount: number;
  maxFailuresPerIp: number;
  windowMinutes: number;
}

const keys = (email: string, ip: string) => [`account:${email}`, `ip:${ip}`] as const;

/** True when the account or the address has used up its failures for the current window. */
export async function isSignInThrottled(email: string, ip: string, limits: ThrottleLimits): Promise<boolean> {
  const [accountKey, ipKey] = keys(email, ip);
  const rows = await db().signInAttempt.findMany({
    where: {
      key: { in: [accountKey, ipKey] },
      windowStart: { gt: new Date(Date.now() - limits.windowMinutes * 60_000) },
    },
  });
  return rows.some((row) =>
    row.key === accountKey ? row.failures >= limits.maxFailuresPerAccount : row.failures >= limits.maxFailuresPerIp,
  );
}

/** Counts a failure against the account and the address; a window restarts once it has passed. */
export async function recordSignInFailure(email: string, ip: string, windowMinutes: number): Promise<void> {
  for (const key of keys(email, ip)) {
    // One statement so concurrent failures from several web processes all count.
    await db().$executeRaw`
      INSERT INTO sign_in_attempts (key, window_start, failures) VALUES (${key}, now(), 1)
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN sign_in_attempts.window_start > now() - make_interval(mins => ${windowMinutes}) THEN sign_in_attempts.failures + 1 ELSE 1 END,
        window_start = CASE WHEN sign_in_attempts.window_start > now() - make_interval(mins => ${windowMinutes}) THEN sign_in_attempts.window_start ELSE now() END`;
  }
}

export async function clearSignInFailures(email: string): Promise<void> {
  await db().signInAttempt.deleteMany({ where: { key: `account:${email}` } });
}
