import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import { appLink, newLinkToken } from "../auth/link-token";
import { normalizeEmail } from "../auth/verify-credentials";
import type { Actor } from "../members/actor";
import { canAssignRole, type MemberRole } from "../members/roles";
import { invitationExpiry, toInvitationDto } from "./invitation-dto";
import type { invitationLinkOutput } from "./invitation-outputs";
import { sendInvitationEmail } from "./send-invitation-email";
import type { z } from "../../../shared/zod";

export type InvitationLink = z.infer<typeof invitationLinkOutput>;

/**
 * Invites a person by e-mail: a link valid for a week, e-mailed when SMTP is set and shown to the admin to
 * copy either way. Nothing is attached to an existing account until its owner signs in and accepts.
 */
export async function inviteMember(actor: Actor, input: { email: string; role: MemberRole }): Promise<InvitationLink> {
  if (!canAssignRole(actor.role, input.role)) throw new AppError("FORBIDDEN", "roleNotGrantable");
  const email = normalizeEmail(input.email);
  const { token, tokenHash } = newLinkToken();
  const { invitation, organization, inviterName } = await withOrganization(actor.organizationId, async (tx) => {
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
    const member =
      existing &&
      (await tx.membership.findUnique({
        where: { organizationId_userId: { organizationId: actor.organizationId, userId: existing.id } },
      }));
    if (member) {
      throw new AppError("CONFLICT", "alreadyMember", { fieldErrors: { email: [{ reason: "alreadyMember" }] } });
    }
    const pending = await tx.invitation.findFirst({
      where: { email, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    });
    if (pending) {
      throw new AppError("CONFLICT", "invitationPending", {
        fieldErrors: { email: [{ reason: "invitationPending" }] },
      });
    }
    const created = await tx.invitation.create({
      data: {
        organizationId: actor.organizationId,
        email,
        role: input.role,
        tokenHash,
        invitedByUserId: actor.userId,
        expiresAt: invitationExpiry(),
      },
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "invitation.created",
      targetType: "invitation",
      targetId: created.id,
      metadata: { email, role: input.role },
    });
    const inviter = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true } });
    const org = await tx.organization.findUniqueOrThrow({ where: { id: actor.organizationId } });
    return { invitation: created, organization: org, inviterName: inviter.name };
  });
  const link = appLink(`/invite/${token}`);
  const emailed = await sendInvitationEmail({
    organization,
    email,
    inviterName,
    link,
    expiresAt: invitation.expiresAt,
  });
  return { invitation: toInvitationDto(invitation, inviterName), link, emailed };
}
