import { db } from "../../db/client";
import { withUser } from "../../db/tenant";
import { AppError } from "../../errors";
import { holdSignInOnManyAddresses } from "../member-holds/hold-sign-in-on-many-addresses";
import { verifySecondFactor } from "../two-factor/verify-second-factor";
import { dummyPasswordHash, verifyPassword } from "./password";
import { clearSignInFailures, isSignInThrottled, recordSignInFailure, type ThrottleLimits } from "./sign-in-throttle";

export interface SignedInUser {
  userId: string;
  name: string;
  email: string;
  /** The organization the session starts in: the oldest membership. */
  organizationId: string;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks e-mail and password, and the second factor of an account that has one (a TOTP or recovery code),
 * rate-limited per account and per address. The password alone opens nothing when a factor is set. An
 * account signing in from too many addresses is held (see hold-sign-in-on-many-addresses.ts).
 */
export async function verifyCredentials(input: {
  email: string;
  password: string;
  code?: string;
  ip: string;
  limits: ThrottleLimits;
}): Promise<SignedInUser> {
  const email = normalizeEmail(input.email);
  if (await isSignInThrottled(email, input.ip, input.limits)) {
    throw new AppError("RATE_LIMITED", "signInRateLimited");
  }
  const user = await db().user.findUnique({ where: { email } });
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash), input.password);
  if (!user || !valid || user.disabledAt) {
    await recordSignInFailure(email, input.ip, input.limits.windowMinutes);
    throw new AppError("UNAUTHENTICATED", "invalidCredentials");
  }
  if (user.twoFactorEnabledAt) {
    if (!input.code?.trim()) throw new AppError("UNAUTHENTICATED", "secondFactorRequired");
    if (!(await verifySecondFactor(user, input.code))) {
      await recordSignInFailure(email, input.ip, input.limits.windowMinutes);
      throw new AppError("UNAUTHENTICATED", "twoFactorCodeInvalid");
    }
  }
  const membership = await withUser(user.id, (tx) =>
    tx.membership.findFirst({ where: { userId: user.id }, orderBy: { createdAt: "asc" } }),
  );
  if (!membership) {
    throw new AppError("FORBIDDEN", "noOrganization");
  }
  await clearSignInFailures(email);
  await holdSignInOnManyAddresses({ userId: user.id, ip: input.ip });
  return { userId: user.id, name: user.name, email: user.email, organizationId: membership.organizationId };
}
