import { z } from "../zod";

export const memberRoles = ["owner", "admin", "agent"] as const;
export const memberRoleSchema = z.enum(memberRoles);

export const inviteMemberInput = z.object({
  email: z.email().max(254),
  role: memberRoleSchema,
});

export const invitationIdInput = z.object({ invitationId: z.uuid() });

export const changeMemberRoleInput = z.object({
  membershipId: z.uuid(),
  role: memberRoleSchema,
});

export const removeMemberInput = z.object({ membershipId: z.uuid() });

export const issuePasswordResetInput = z.object({ membershipId: z.uuid() });
