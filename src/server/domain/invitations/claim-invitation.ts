import type { Tx } from "../../db/tenant";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/record-audit";

/**
 * Spends an invitation for a person and makes them a member, inside the caller's organization transaction.
 * The conditional UPDATE is the single use: two acceptances of one link cannot both succeed.
 */
export async function claimInvitation(
  tx: Tx,
  invitation: { id: string; organizationId: string; email: string; role: "owner" | "admin" | "agent" },
  user: { id: string; newAccount: boolean },
): Promise<void> {
  const { count } = await tx.invitation.updateMany({
    where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    data: { acceptedAt: new Date(), acceptedByUserId: user.id },
  });
  if (count === 0) throw new AppError("CONFLICT", "invitationUsed");
  const already = await tx.membership.findUnique({
    where: { organizationId_userId: { organizationId: invitation.organizationId, userId: user.id } },
  });
  if (already) throw new AppError("CONFLICT", "alreadyMember");
  const membership = await tx.membership.create({
    data: { organizationId: invitation.organizationId, userId: user.id, role: invitation.role },
  });
  await recordAudit(tx, {
    organizationId: invitation.organizationId,
    actorUserId: user.id,
    action: "invitation.accepted",
    targetType: "membership",
    targetId: membership.id,
    metadata: {
      invitationId: invitation.id,
      email: invitation.email,
      role: invitation.role,
      newAccount: user.newAccount,
    },
  });
}
