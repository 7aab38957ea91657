import { z } from "zod";
import {
  changeMemberRoleInput,
  invitationIdInput,
  inviteMemberInput,
  issuePasswordResetInput,
  removeMemberInput,
} from "../../../shared/schemas/members";
import {
  confirmMemberHoldInput,
  confirmMemberHoldOutput,
  listMemberHoldsOutput,
} from "../../../shared/schemas/member-holds";
import { confirmMemberHold } from "../../domain/member-holds/confirm-member-hold";
import { listMemberHolds } from "../../domain/member-holds/list-member-holds";
import { inviteMember } from "../../domain/invitations/invite-member";
import { invitationLinkOutput, listInvitationsOutput } from "../../domain/invitations/invitation-outputs";
import { listInvitations } from "../../domain/invitations/list-invitations";
import { resendInvitation } from "../../domain/invitations/resend-invitation";
import { revokeInvitation } from "../../domain/invitations/revoke-invitation";
import { changeMemberRole } from "../../domain/members/change-member-role";
import { listMembers } from "../../domain/members/list-members";
import { removeMember } from "../../domain/members/remove-member";
import { issuePasswordResetLink } from "../../domain/password-reset/issue-password-reset-link";
import { issuePasswordResetOutput } from "../../domain/password-reset/password-reset-outputs";
import { adminProcedure, organizationProcedure, router } from "../trpc";
import { changeMemberRoleOutput, listMembersOutput } from "../../domain/members/member-outputs";

export const membersRouter = router({
  list: organizationProcedure.output(listMembersOutput).query(({ ctx }) => listMembers(ctx.actor)),
  invite: adminProcedure
    .input(inviteMemberInput)
    .output(invitationLinkOutput)
    .mutation(({ ctx, input }) => inviteMember(ctx.actor, input)),
  invitations: adminProcedure.output(listInvitationsOutput).query(({ ctx }) => listInvitations(ctx.actor)),
  resendInvitation: adminProcedure
    .input(invitationIdInput)
    .output(invitationLinkOutput)
    .mutation(({ ctx, input }) => resendInvitation(ctx.actor, input)),
  revokeInvitation: adminProcedure
    .input(invitationIdInput)
    .output(z.void())
    .mutation(({ ctx, input }) => revokeInvitation(ctx.actor, input)),
  issuePasswordReset: adminProcedure
    .input(issuePasswordResetInput)
    .output(issuePasswordResetOutput)
    .mutation(({ ctx, input }) => issuePasswordResetLink(ctx.actor, input)),
  changeRole: adminProcedure
    .input(changeMemberRoleInput)
    .output(changeMemberRoleOutput)
    .mutation(({ ctx, input }) => changeMemberRole(ctx.actor, input)),
  remove: adminProcedure
    .input(removeMemberInput)
    .output(z.void())
    .mutation(({ ctx, input }) => removeMember(ctx.actor, input)),
  /** Exports, deletions or sign-ins held after a burst, waiting for an admin to confirm them. */
  holds: adminProcedure.output(listMemberHoldsOutput).query(({ ctx }) => listMemberHolds(ctx.actor)),
  confirmHold: adminProcedure
    .input(confirmMemberHoldInput)
    .output(confirmMemberHoldOutput)
    .mutation(({ ctx, input }) => confirmMemberHold(ctx.actor, input)),
});
