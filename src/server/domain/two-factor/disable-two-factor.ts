import { withOrganization } from "../../db/tenant";
import { db } from "../../db/client";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { requireOwnSecondFactor } from "./check-own-second-factor";

/**
 * Turns two-factor sign-in off, given a current code or a recovery code. Refused where the organization
 * requires it: the person would only be sent back to enrol.
 */
export async function disableTwoFactor(actor: Actor, input: { code: string }): Promise<void> {
  const user = await db().user.findUniqueOrThrow({ where: { id: actor.userId } });
  await requireOwnSecondFactor(user, input.code);
  await withOrganization(actor.organizationId, async (tx) => {
    const organization = await tx.organization.findUniqueOrThrow({ where: { id: actor.organizationId } });
    if (organization.requireTwoFactor) throw new AppError("CONFLICT", "twoFactorRequiredByOrganization");
    await tx.user.update({
      where: { id: actor.userId },
      data: { twoFactorEnabledAt: null, totpSecretEncrypted: null, totpLastStep: null, recoveryCodeHashes: [] },
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "two_factor.disabled",
      targetType: "user",
      targetId: actor.userId,
    });
  });
}
