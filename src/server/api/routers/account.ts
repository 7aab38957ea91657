import { changePasswordInput, revokeSessionInput } from "../../../shared/schemas/account";
import { changePasswordOutput, getMyAccountOutput } from "../../domain/account/account-outputs";
import { changePassword } from "../../domain/account/change-password";
import { getMyAccount } from "../../domain/account/get-my-account";
import { listMySessions } from "../../domain/sessions/list-my-sessions";
import { revokeMySessions } from "../../domain/sessions/revoke-session";
import { listMySessionsOutput, revokeSessionsOutput } from "../../domain/sessions/session-outputs";
import { organizationProcedure, router } from "../trpc";

/** The signed-in person's own account: password and sessions. */
export const accountRouter = router({
  me: organizationProcedure.output(getMyAccountOutput).query(({ ctx }) => getMyAccount(ctx.actor)),
  changePassword: organizationProcedure
    .input(changePasswordInput)
    .output(changePasswordOutput)
    .mutation(({ ctx, input }) => changePassword(ctx.actor, input)),
  sessions: organizationProcedure.output(listMySessionsOutput).query(({ ctx }) => listMySessions(ctx.actor)),
  revokeSession: organizationProcedure
    .input(revokeSessionInput)
    .output(revokeSessionsOutput)
    .mutation(({ ctx, input }) => revokeMySessions(ctx.actor, input)),
  revokeOtherSessions: organizationProcedure
    .output(revokeSessionsOutput)
    .mutation(({ ctx }) => revokeMySessions(ctx.actor, { allButCurrent: true })),
});
