import { withUser } from "../../db/tenant";
import type { Actor } from "./actor";

export interface ResolvedActor extends Actor {
  /** The organization requires two-factor sign-in and this person has not set it up. */
  mustEnrolTwoFactor: boolean;
  /** The organization published terms of use this person has not accepted yet. */
  mustAcceptTerms: boolean;
}

/**
 * The actor for a signed-in person in an organization, read fresh on every request so a role change
 * or removal takes effect at once. Null when they are not (or no longer) a member, or are disabled.
 */
export async function resolveActor(userId: string, organizationId: string): Promise<ResolvedActor | null> {
  const found = await withUser(userId, async (tx) => {
    const membership = await tx.membership.findFirst({
      where: { userId, organizationId, user: { disabledAt: null } },
      select: {
        role: true,
        user: { select: { twoFactorEnabledAt: true } },
        organization: { select: { requireTwoFactor: true } },
      },
    });
    if (!membership) return null;
    // A member: their organization's terms become readable in the same transaction (one round trip less).
    await tx.$queryRaw`SELECT set_config('mirage.organization_id', ${organizationId}, true)`;
    const [terms] = await tx.$queryRaw<{ accepted: boolean }[]>`
      SELECT EXISTS (SELECT 1 FROM terms_acceptances a WHERE a.document_id = d.id AND a.user_id = ${userId}::uuid) AS accepted
      FROM legal_documents d
      WHERE d.organization_id = ${organizationId}::uuid AND d.kind = 'terms' AND d.status = 'published'
      ORDER BY d.version DESC LIMIT 1`;
    return { membership, mustAcceptTerms: terms ? !terms.accepted : false };
  });
  if (!found) return null;
  const { membership, mustAcceptTerms } = found;
  const mustEnrolTwoFactor = membership.organization.requireTwoFactor && !membership.user.twoFactorEnabledAt;
  return { userId, organizationId, role: membership.role, mustEnrolTwoFactor, mustAcceptTerms };
}
