import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";

/** Withdraws a pending invitation: its link stops working. */
export async function revokeInvitation(actor: Actor, input: { invitationId: string }): Promise<void> {
  await withOrganization(actor.organizationId, async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { id: input.invitationId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "invitationNotFound");
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "invitation.revoked",
      targetType: "invitation",
      targetId: input.invitationId,
    });
  });
}
