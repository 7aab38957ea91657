import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import { appLink } from "../auth/link-token";
import type { Actor } from "../members/actor";
import { createResetToken, ISSUED_RESET_TTL_MINUTES } from "./reset-tokens";
import type { issuePasswordResetOutput } from "./password-reset-outputs";
import type { z } from "../../../shared/zod";

/**
 * An admin makes a single-use reset link for a member who lost their password, to hand over by hand. Only
 * an owner may do it for an owner; nobody for themself (they change their password on their account page).
 */
export async function issuePasswordResetLink(
  actor: Actor,
  input: { membershipId: string },
): Promise<z.infer<typeof issuePasswordResetOutput>> {
  const { token, expiresAt } = await withOrganization(actor.organizationId, async (tx) => {
    const membership = await tx.membership.findUnique({ where: { id: input.membershipId } });
    if (!membership) throw new AppError("NOT_FOUND", "memberNotFound");
    if (membership.userId === actor.userId) throw new AppError("CONFLICT", "resetOwnPasswordOnAccountPage");
    if (membership.role === "owner" && actor.role !== "owner") throw new AppError("FORBIDDEN", "roleNotGrantable");
    const created = await createResetToken(tx, {
      userId: membership.userId,
      requestedByUserId: actor.userId,
      ttlMinutes: ISSUED_RESET_TTL_MINUTES,
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "password_reset.issued",
      targetType: "user",
      targetId: membership.userId,
      metadata: { membershipId: membership.id },
    });
    return created;
  });
  return { link: appLink(`/reset-password/${token}`), expiresAt };
}
