import type { z } from "../../../shared/zod";
import type { invitationOutput } from "./invitation-outputs";
import type { MemberRole } from "../members/roles";

/** Invitations last a week: long enough to be seen, short enough that a forgotten link dies. */
export const INVITATION_TTL_DAYS = 7;

export const invitationExpiry = (from = new Date()) => new Date(from.getTime() + INVITATION_TTL_DAYS * 86_400_000);

export function toInvitationDto(
  invitation: { id: string; email: string; role: MemberRole; createdAt: Date; expiresAt: Date },
  invitedByName: string | null,
  now = new Date(),
): z.infer<typeof invitationOutput> {
  return {
    invitationId: invitation.id,
    email: invitation.email,
    role: invitation.role,
    invitedByName,
    createdAt: invitation.createdAt,
    expiresAt: invitation.expiresAt,
    expired: invitation.expiresAt <= now,
  };
}
