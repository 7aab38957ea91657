import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import { appLink, newLinkToken } from "../auth/link-token";
import type { Actor } from "../members/actor";
import { invitationExpiry, toInvitationDto } from "./invitation-dto";
import type { InvitationLink } from "./invite-member";
import { sendInvitationEmail } from "./send-invitation-email";

/** Gives a pending invitation a new link and a new week; the old link stops working at once. */
export async function resendInvitation(actor: Actor, input: { invitationId: string }): Promise<InvitationLink> {
  const { token, tokenHash } = newLinkToken();
  const { invitation, organization, inviterName } = await withOrganization(actor.organizationId, async (tx) => {
    const renewed = await tx.invitation.updateManyAndReturn({
      where: { id: input.invitationId, acceptedAt: null, revokedAt: null },
      data: { tokenHash, expiresAt: invitationExpiry(), invitedByUserId: actor.userId },
    });
    const updated = renewed[0];
    if (!updated) throw new AppError("NOT_FOUND", "invitationNotFound");
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "invitation.resent",
      targetType: "invitation",
      targetId: updated.id,
      metadata: { email: updated.email },
    });
    const inviter = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true } });
    const org = await tx.organization.findUniqueOrThrow({ where: { id: actor.organizationId } });
    return { invitation: updated, organization: org, inviterName: inviter.name };
  });
  const link = appLink(`/invite/${token}`);
  const emailed = await sendInvitationEmail({
    organization,
    email: invitation.email,
    inviterName,
    link,
    expiresAt: invitation.expiresAt,
  });
  return { invitation: toInvitationDto(invitation, inviterName), link, emailed };
}
