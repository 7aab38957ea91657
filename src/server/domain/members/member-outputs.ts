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

export const changeMemberRoleOutput = memberOutput;

export const describeActorOutput = z.object({
  userId: z.string(),
  organizationId: z.string(),
  role: memberRoleSchema,
  isAdmin: z.boolean(),
});
