import { z } from "zod";
import { addMemberInput, changeMemberRoleInput, removeMemberInput } from "../../../shared/schemas/members";
import { addMember } from "../../domain/members/add-member";
import { changeMemberRole } from "../../domain/members/change-member-role";
import { listMembers } from "../../domain/members/list-members";
import { removeMember } from "../../domain/members/remove-member";
import { adminProcedure, organizationProcedure, router } from "../trpc";
import { addMemberOutput, changeMemberRoleOutput, listMembersOutput } from "../../domain/members/member-outputs";

export const membersRouter = router({
  list: organizationProcedure.output(listMembersOutput).query(({ ctx }) => listMembers(ctx.actor)),
  add: adminProcedure
    .input(addMemberInput)
    .output(addMemberOutput)
    .mutation(({ ctx, input }) => addMember(ctx.actor, input)),
  changeRole: adminProcedure
    .input(changeMemberRoleInput)
    .output(changeMemberRoleOutput)
    .mutation(({ ctx, input }) => changeMemberRole(ctx.actor, input)),
  remove: adminProcedure
    .input(removeMemberInput)
    .output(z.void())
    .mutation(({ ctx, input }) => removeMember(ctx.actor, input)),
});
