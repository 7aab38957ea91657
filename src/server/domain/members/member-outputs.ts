import { z } from "../../../shared/zod";
import { memberRoleSchema } from "../../../shared/schemas/members";

export const memberOutput = z.object({
  membershipId: z.string(),
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: memberRoleSchema,
  joinedAt: z.date(),
  disabled: z.boolean(),
});

export const listMembersOutput = z.array(memberOutput);

export const addMemberOutput = z.object({
  member: memberOutput,
  /** Shown once to the admin when a new account was created; never stored in clear. */
  temporaryPassword: z.string().nullable(),
});

export const changeMemberRoleOutput = memberOutput;

export const describeActorOutput = z.object({
  userId: z.string(),
  organizationId: z.string(),
  role: memberRoleSchema,
  isAdmin: z.boolean(),
});
