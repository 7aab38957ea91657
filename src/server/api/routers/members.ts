import { z } from "zod";
import {
  addMemberInput,
  changeMemberRoleInput,
  memberRoleSchema,
  removeMemberInput,
} from "../../../shared/schemas/members";
import { addMember } from "../../domain/members/add-member";
import { changeMemberRole } from "../../domain/members/change-member-role";
import { listMembers } from "../../domain/members/list-members";
import { removeMember } from "../../domain/members/remove-member";
import { adminProcedure, organizationProcedure, router } from "../trpc";

const memberOutput = z.object({
  membershipId: z.string(),
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: memberRoleSchema,
  joinedAt: z.date(),
  disabled: z.boolean(),
});

export const membersRouter = router({
  list: organizationProcedure.output(z.array(memberOutput)).query(({ ctx }) => listMembers(ctx.actor)),
  add: adminProcedure
    .input(addMemberInput)
    .output(z.object({ member: memberOutput, temporaryPassword: z.string().nullable() }))
    .mutation(({ ctx, input }) => addMember(ctx.actor, input)),
  changeRole: adminProcedure
    .input(changeMemberRoleInput)
    .output(memberOutput)
    .mutation(({ ctx, input }) => changeMemberRole(ctx.actor, input)),
  remove: adminProcedure.input(removeMemberInput).mutation(({ ctx, input }) => removeMember(ctx.actor, input)),
});
