import { db } from "../../db/client";
import { withOrganization } from "../../db/tenant";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { requireOwnSecondFactor } from "./check-own-second-factor";
import { newRecoveryCodes, recoveryCodeHash } from "./recovery-codes";

/** Replaces every recovery code with ten new ones (shown this once), given a current code. */
export async function regenerateRecoveryCodes(
  actor: Actor,
  input: { code: string },
): Promise<{ recoveryCodes: string[] }> {
  const user = await db().user.findUniqueOrThrow({ where: { id: actor.userId } });
  await requireOwnSecondFactor(user, input.code);
  const recoveryCodes = newRecoveryCodes();
  await withOrganization(actor.organizationId, async (tx) => {
    await tx.user.update({
      where: { id: actor.userId },
      data: { recoveryCodeHashes: recoveryCodes.map(recoveryCodeHash) },
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "two_factor.recovery_codes_regenerated",
      targetType: "user",
      targetId: actor.userId,
    });
  });
  return { recoveryCodes };
}
