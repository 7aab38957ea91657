import { withUser } from "../../db/tenant";
import type { Actor } from "./actor";

/**
 * The actor for a signed-in person in an organization, read fresh on every request so a role change
 * or removal takes effect at once. Null when they are not (or no longer) a member, or are disabled.
 */
export async function resolveActor(userId: string, organizationId: string): Promise<Actor | null> {
  const membership = await withUser(userId, (tx) =>
    tx.membership.findFirst({
      where: { userId, organizationId, user: { disabledAt: null } },
      select: { role: true },
    }),
  );
  return membership ? { userId, organizationId, role: membership.role } : null;
}
