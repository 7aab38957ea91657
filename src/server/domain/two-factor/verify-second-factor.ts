import { env } from "../../../env";
import { decryptSecret } from "../../crypto/secret-box";
import { db } from "../../db/client";
import { recoveryCodeHash } from "./recovery-codes";
import { acceptedTotpStep } from "./totp";

/**
 * Checks the second factor of a sign-in: a current TOTP code not used before, or an unused recovery code
 * (removed as it is accepted). Each is consumed in one conditional UPDATE, so two concurrent sign-ins
 * cannot both spend the same code.
 */
export async function verifySecondFactor(
  user: { id: string; totpSecretEncrypted: string | null },
  code: string,
): Promise<boolean> {
  const trimmed = code.trim();
  if (/^\d{6}$/.test(trimmed)) {
    if (!user.totpSecretEncrypted) return false;
    const step = await acceptedTotpStep(decryptSecret(user.totpSecretEncrypted, env().ENCRYPTION_KEY), trimmed);
    if (step === null) return false;
    const claimed = await db().$executeRaw`
      UPDATE users SET totp_last_step = ${step}
      WHERE id = ${user.id}::uuid AND (totp_last_step IS NULL OR totp_last_step < ${step})`;
    return claimed === 1;
  }
  const hash = recoveryCodeHash(trimmed);
  const used = await db().$executeRaw`
    UPDATE users SET recovery_code_hashes = array_remove(recovery_code_hashes, ${hash})
    WHERE id = ${user.id}::uuid AND ${hash} = ANY(recovery_code_hashes)`;
  return used === 1;
}
