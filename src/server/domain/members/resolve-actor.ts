import { withUser } from "../../db/tenant";
import type { Actor } from "./actor";

export interface ResolvedActor extends Actor {
  /** The organization requires two-factor sign-in and this person has not set it up. */
  mustEnrolTwoFactor: boolean;
}

/**
 * The actor for a signed-in person in an organization, read fresh on every request so a role change
 * or removal takes effect at once. Null when they are not (or no longer) a member, or are disabled.
 */
export async function resolveActor(userId: string, organizationId: string): Promise<ResolvedActor | null> {
  const membership = await withUser(userId, (tx) =>
    tx.membership.findFirst({
      where: { userId, organizationId, user: { disabledAt: null } },
      select: {
        role: true,
        user: { select: { twoFactorEnabledAt: true } },
        organization: { select: { requireTwoFactor: true } },
      },
    }),
  );
  if (!membership) return null;
  const mustEnrolTwoFactor = membership.organization.requireTwoFactor && !membership.user.twoFactorEnabledAt;
  return { userId, organizationId, role: membership.role, mustEnrolTwoFactor };
}
