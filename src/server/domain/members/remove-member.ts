import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import { disconnectSessions, revokeSessionsWhere } from "../sessions/end-sessions";
import type { Actor } from "./actor";
import { assertOwnerRemains, loadManageableMembership } from "./change-member-role";

/** Removes a member and ends, at once, their sessions open in this organization (sockets included). */
export async function removeMember(actor: Actor, input: { membershipId: string }): Promise<void> {
  const endedSessions = await withOrganization(actor.organizationId, async (tx) => {
    const membership = await loadManageableMembership(tx, actor, input.membershipId);
    if (membership.userId === actor.userId) {
      throw new AppError("CONFLICT", "cannotRemoveSelf");
    }
    if (membership.role === "owner") await assertOwnerRemains(tx, actor.organizationId, membership.id);
    await tx.membership.delete({ where: { id: membership.id } });
    const ended = await revokeSessionsWhere(tx, { userId: membership.userId, organizationId: actor.organizationId });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "member.removed",
      targetType: "membership",
      targetId: membership.id,
      metadata: { email: membership.user.email, role: membership.role, endedSessions: ended.length },
    });
    return ended;
  });
  await disconnectSessions(endedSessions);
}
