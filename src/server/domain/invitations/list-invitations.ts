import { withOrganization } from "../../db/tenant";
import type { Actor } from "../members/actor";
import { toInvitationDto } from "./invitation-dto";
import type { listInvitationsOutput } from "./invitation-outputs";
import type { z } from "../../../shared/zod";

/** Invitations not yet accepted nor withdrawn (expired ones too, to resend), newest first. */
export async function listInvitations(actor: Actor): Promise<z.infer<typeof listInvitationsOutput>> {
  return withOrganization(actor.organizationId, async (tx) => {
    const invitations = await tx.invitation.findMany({
      where: { acceptedAt: null, revokedAt: null },
      orderBy: { createdAt: "desc" },
    });
    const inviterIds = [...new Set(invitations.flatMap((i) => (i.invitedByUserId ? [i.invitedByUserId] : [])))];
    const inviters = await tx.user.findMany({ where: { id: { in: inviterIds } }, select: { id: true, name: true } });
    const names = new Map(inviters.map((u) => [u.id, u.name]));
    const now = new Date();
    return invitations.map((i) => toInvitationDto(i, (i.invitedByUserId && names.get(i.invitedByUserId)) || null, now));
  });
}
