import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { requireRole } from "../members/require-role";
import { activeHoldWhere } from "./active-member-hold";
import { memberActionCounter, memberCounterKey, type MemberActionKind } from "./member-hold-limits";

/**
 * An admin or owner other than the held member confirms the burst was legitimate: the hold lifts and the
 * member's window count starts again (else the next action would be held at once). Confirming a hold no
 * longer in force is a no-op answer, so a double click records one confirmation.
 */
export async function confirmMemberHold(actor: Actor, input: { holdId: string }): Promise<{ confirmed: boolean }> {
  requireRole(actor, "admin");
  const hold = await withOrganization(actor.organizationId, async (tx) => {
    const found = await tx.memberHold.findFirst({ where: { id: input.holdId, organizationId: actor.organizationId } });
    if (!found) throw new AppError("NOT_FOUND", "memberHoldNotFound");
    if (found.userId === actor.userId) throw new AppError("FORBIDDEN", "memberHoldOwnConfirm");
    const lifted = await tx.memberHold.updateMany({
      where: { id: found.id, ...activeHoldWhere(new Date()) },
      data: { confirmedAt: new Date(), confirmedByUserId: actor.userId },
    });
    if (!lifted.count) return null;
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "member.hold_confirmed",
      targetType: "member_hold",
      targetId: found.id,
      metadata: { userId: found.userId, kind: found.kind, observed: found.observed },
    });
    return found;
  });
  if (hold && hold.kind !== "sign_in")
    await memberActionCounter(hold.kind as MemberActionKind).delete(memberCounterKey(hold));
  return { confirmed: hold !== null };
}
