import { withOrganization } from "../../db/tenant";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";

/** Requires (or stops requiring) two-factor sign-in of every member; idempotent. */
export async function setTwoFactorRequirement(
  actor: Actor,
  input: { required: boolean },
): Promise<{ required: boolean }> {
  return withOrganization(actor.organizationId, async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: actor.organizationId } });
    await tx.organization.update({ where: { id: actor.organizationId }, data: { requireTwoFactor: input.required } });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "organization.two_factor_requirement_set",
      targetType: "organization",
      targetId: actor.organizationId,
      metadata: { from: before.requireTwoFactor, to: input.required },
    });
    return { required: input.required };
  });
}
