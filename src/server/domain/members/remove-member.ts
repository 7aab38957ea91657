import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "./actor";
import { assertOwnerRemains, loadManageableMembership } from "./change-member-role";

export async function removeMember(actor: Actor, input: { membershipId: string }): Promise<void> {
  await withOrganization(actor.organizationId, async (tx) => {
    const membership = await loadManageableMembership(tx, actor, input.membershipId);
    if (membership.userId === actor.userId) {
      throw new AppError("CONFLICT", "cannotRemoveSelf");
    }
    if (membership.role === "owner") await assertOwnerRemains(tx, actor.organizationId, membership.id);
    await tx.membership.delete({ where: { id: membership.id } });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "member.removed",
      targetType: "membership",
      targetId: membership.id,
      metadata: { email: membership.user.email, role: membership.role },
    });
  });
}
