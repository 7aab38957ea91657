import { env } from "../../../env";
import { decryptSecret } from "../../crypto/secret-box";
import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import type { Actor } from "../members/actor";
import { disconnectSessions, endOtherSessionsAfter } from "../sessions/end-sessions";
import { newRecoveryCodes, recoveryCodeHash } from "./recovery-codes";
import { acceptedTotpStep } from "./totp";

/**
 * Turns two-factor sign-in on once the person proves their app shows the right code; returns the recovery
 * codes, shown this once. Their other sessions end: they were opened with the password alone.
 */
export async function confirmTwoFactor(actor: Actor, input: { code: string }): Promise<{ recoveryCodes: string[] }> {
  const recoveryCodes = newRecoveryCodes();
  const ended = await withOrganization(
    actor.organizationId,
    async (tx) => {
      const user = await tx.user.findUniqueOrThrow({ where: { id: actor.userId } });
      if (user.twoFactorEnabledAt) throw new AppError("CONFLICT", "twoFactorAlreadyEnabled");
      if (!user.totpSecretEncrypted) throw new AppError("CONFLICT", "twoFactorNotStarted");
      const step = await acceptedTotpStep(decryptSecret(user.totpSecretEncrypted, env().ENCRYPTION_KEY), input.code);
      if (step === null) {
        throw new AppError("VALIDATION", "twoFactorCodeInvalid", {
          fieldErrors: { code: [{ reason: "twoFactorCodeInvalid" }] },
        });
      }
      await tx.user.update({
        where: { id: actor.userId },
        data: {
          twoFactorEnabledAt: new Date(),
          totpLastStep: step,
          recoveryCodeHashes: recoveryCodes.map(recoveryCodeHash),
        },
      });
      return endOtherSessionsAfter(tx, actor, "two_factor.enabled");
    },
    { asUserId: actor.userId },
  );
  await disconnectSessions(ended);
  return { recoveryCodes };
}
