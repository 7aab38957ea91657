import { z } from "zod";
import {
  acceptInvitationWithNewAccountInput,
  invitationTokenInput,
  requestPasswordResetInput,
  resetPasswordInput,
} from "../../../shared/schemas/account";
import { acceptInvitationWithNewAccount } from "../../domain/invitations/accept-invitation-new-account";
import { acceptInvitationSignedIn } from "../../domain/invitations/accept-invitation-signed-in";
import { acceptInvitationOutput, previewInvitationOutput } from "../../domain/invitations/invitation-outputs";
import { previewInvitation } from "../../domain/invitations/preview-invitation";
import { emailAvailable } from "../../domain/mail/send-email";
import { resetPasswordOutput } from "../../domain/password-reset/password-reset-outputs";
import { requestPasswordReset } from "../../domain/password-reset/request-password-reset";
import { resetPassword } from "../../domain/password-reset/reset-password";
import { authenticatedProcedure, linkProcedure, router } from "../trpc";

/**
 * Getting in without a session: invitation links, "forgot my password" and reset links. Every call counts
 * against the caller address's public-route limit; accepting as an existing account needs its sign-in.
 */
export const accessRouter = router({
  previewInvitation: linkProcedure
    .input(invitationTokenInput)
    .output(previewInvitationOutput)
    .query(({ input }) => previewInvitation(input)),
  acceptInvitation: linkProcedure
    .input(acceptInvitationWithNewAccountInput)
    .output(acceptInvitationOutput)
    .mutation(({ input }) => acceptInvitationWithNewAccount(input)),
  acceptInvitationSignedIn: authenticatedProcedure
    .input(invitationTokenInput)
    .output(acceptInvitationOutput)
    .mutation(({ ctx, input }) => acceptInvitationSignedIn(ctx.identity.userId, input)),
  /** Whether "forgot my password" can e-mail a link here (SMTP set); otherwise the page sends people to an admin. */
  resetByEmail: linkProcedure
    .output(z.object({ available: z.boolean() }))
    .query(() => ({ available: emailAvailable() })),
  // The same empty answer whether or not the e-mail has an account.
  requestPasswordReset: linkProcedure
    .input(requestPasswordResetInput)
    .output(z.void())
    .mutation(({ ctx, input }) => requestPasswordReset({ email: input.email, ip: ctx.clientIp ?? "unknown" })),
  resetPassword: linkProcedure
    .input(resetPasswordInput)
    .output(resetPasswordOutput)
    .mutation(({ input }) => resetPassword(input)),
});
