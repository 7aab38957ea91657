import QRCode from "qrcode";
import { env } from "../../../env";
import { encryptSecret } from "../../crypto/secret-box";
import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { newTotpSecret, totpUri } from "./totp";
import type { startTwoFactorOutput } from "./two-factor-outputs";
import type { z } from "../../../shared/zod";

/**
 * Gives the person a new TOTP secret to scan; it counts only after `confirmTwoFactor`. Starting again
 * replaces an unconfirmed secret; an enabled factor must be turned off first.
 */
export async function startTwoFactorEnrolment(actor: Actor): Promise<z.infer<typeof startTwoFactorOutput>> {
  const secret = newTotpSecret();
  const email = await withOrganization(actor.organizationId, async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: actor.userId } });
    if (user.twoFactorEnabledAt) throw new AppError("CONFLICT", "twoFactorAlreadyEnabled");
    await tx.user.update({
      where: { id: actor.userId },
      data: { totpSecretEncrypted: encryptSecret(secret, env().ENCRYPTION_KEY) },
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "two_factor.enrolment_started",
      targetType: "user",
      targetId: actor.userId,
    });
    return user.email;
  });
  const otpauthUri = totpUri(email, secret);
  const qrSvg = await QRCode.toString(otpauthUri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { otpauthUri, qrSvg, secret };
}
