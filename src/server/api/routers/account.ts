import { z } from "zod";
import {
  changePasswordInput,
  confirmTwoFactorInput,
  revokeSessionInput,
  secondFactorCodeInput,
  setTwoFactorRequirementInput,
} from "../../../shared/schemas/account";
import { changePasswordOutput, getMyAccountOutput } from "../../domain/account/account-outputs";
import { changePassword } from "../../domain/account/change-password";
import { getMyAccount } from "../../domain/account/get-my-account";
import { listMySessions } from "../../domain/sessions/list-my-sessions";
import { revokeMySessions } from "../../domain/sessions/revoke-session";
import { listMySessionsOutput, revokeSessionsOutput } from "../../domain/sessions/session-outputs";
import { confirmTwoFactor } from "../../domain/two-factor/confirm-two-factor";
import { disableTwoFactor } from "../../domain/two-factor/disable-two-factor";
import { regenerateRecoveryCodes } from "../../domain/two-factor/regenerate-recovery-codes";
import { getTwoFactorStatus } from "../../domain/two-factor/get-two-factor-status";
import { setTwoFactorRequirement } from "../../domain/two-factor/set-two-factor-requirement";
import { startTwoFactorEnrolment } from "../../domain/two-factor/start-two-factor-enrolment";
import {
  confirmTwoFactorOutput,
  setTwoFactorRequirementOutput,
  startTwoFactorOutput,
  twoFactorStatusOutput,
} from "../../domain/two-factor/two-factor-outputs";
import { adminProcedure, enrolmentProcedure, organizationProcedure, router } from "../trpc";

/**
 * The signed-in person's own account: password, two-factor sign-in and sessions. What a member needs to
 * finish a required enrolment (or replace a first password) stays open before it (`enrolmentProcedure`).
 */
export const accountRouter = router({
  me: enrolmentProcedure.output(getMyAccountOutput).query(({ ctx }) => getMyAccount(ctx.actor)),
  changePassword: enrolmentProcedure
    .input(changePasswordInput)
    .output(changePasswordOutput)
    .mutation(({ ctx, input }) => changePassword(ctx.actor, input)),
  twoFactorStatus: enrolmentProcedure.output(twoFactorStatusOutput).query(({ ctx }) => getTwoFactorStatus(ctx.actor)),
  startTwoFactor: enrolmentProcedure
    .output(startTwoFactorOutput)
    .mutation(({ ctx }) => startTwoFactorEnrolment(ctx.actor)),
  confirmTwoFactor: enrolmentProcedure
    .input(confirmTwoFactorInput)
    .output(confirmTwoFactorOutput)
    .mutation(({ ctx, input }) => confirmTwoFactor(ctx.actor, input)),
  disableTwoFactor: organizationProcedure
    .input(secondFactorCodeInput)
    .output(z.void())
    .mutation(({ ctx, input }) => disableTwoFactor(ctx.actor, input)),
  regenerateRecoveryCodes: organizationProcedure
    .input(secondFactorCodeInput)
    .output(confirmTwoFactorOutput)
    .mutation(({ ctx, input }) => regenerateRecoveryCodes(ctx.actor, input)),
  setTwoFactorRequirement: adminProcedure
    .input(setTwoFactorRequirementInput)
    .output(setTwoFactorRequirementOutput)
    .mutation(({ ctx, input }) => setTwoFactorRequirement(ctx.actor, input)),
  sessions: organizationProcedure.output(listMySessionsOutput).query(({ ctx }) => listMySessions(ctx.actor)),
  revokeSession: organizationProcedure
    .input(revokeSessionInput)
    .output(revokeSessionsOutput)
    .mutation(({ ctx, input }) => revokeMySessions(ctx.actor, input)),
  revokeOtherSessions: organizationProcedure
    .output(revokeSessionsOutput)
    .mutation(({ ctx }) => revokeMySessions(ctx.actor, { allButCurrent: true })),
});
