import { z } from "../zod";

export const memberRoles = ["owner", "admin", "agent"] as const;
export const memberRoleSchema = z.enum(memberRoles);

export const addMemberInput = z.object({
  name: z.string().trim().min(2).max(120),
  email: z.email().max(254),
  role: memberRoleSchema,
});

export const changeMemberRoleInput = z.object({
  membershipId: z.uuid(),
  role: memberRoleSchema,
});

export const removeMemberInput = z.object({ membershipId: z.uuid() });
