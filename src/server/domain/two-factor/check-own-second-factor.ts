import { AppError } from "../../errors";
import { verifySecondFactor } from "./verify-second-factor";

/**
 * Proves a signed-in person still holds their second factor before a change to it (a current TOTP code or
 * an unused recovery code, spent as at sign-in). A stolen open session alone cannot turn it off.
 */
export async function requireOwnSecondFactor(
  user: { id: string; totpSecretEncrypted: string | null; twoFactorEnabledAt: Date | null },
  code: string,
): Promise<void> {
  if (!user.twoFactorEnabledAt) throw new AppError("CONFLICT", "twoFactorNotEnabled");
  if (!(await verifySecondFactor(user, code))) {
    throw new AppError("VALIDATION", "twoFactorCodeInvalid", {
      fieldErrors: { code: [{ reason: "twoFactorCodeInvalid" }] },
    });
  }
}
