import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { emitToOrganization } from "../../realtime/emitter";
import type { Actor } from "../members/actor";
import { memberHoldWhere } from "./active-member-hold";
import { memberActionCounter, memberActionLimit, memberCounterKey, type MemberActionKind } from "./member-hold-limits";
import { placeMemberHold } from "./place-member-hold";

const held = (kind: MemberActionKind) => new AppError("FORBIDDEN", "memberActionHeld", { params: { action: kind } });

/**
 * Counts `count` exports or deleted contacts for the acting member before the action runs, and refuses it
 * (`memberActionHeld`) while a hold is in force or when this one passes the window's limit, which places
 * the hold. Called outside the action's own transaction, so the hold survives the refusal.
 */
export async function guardMemberAction(actor: Actor, kind: MemberActionKind, count = 1): Promise<void> {
  const member = { organizationId: actor.organizationId, userId: actor.userId };
  const isHeld = await withOrganization(actor.organizationId, (tx) =>
    tx.memberHold.findFirst({ where: memberHoldWhere(member, kind), select: { id: true } }),
  );
  if (isHeld) throw held(kind);
  const limit = memberActionLimit(kind);
  const counted = await memberActionCounter(kind).penalty(memberCounterKey(member), count);
  if (counted.consumedPoints <= limit.threshold) return;
  const notificationId = await withOrganization(actor.organizationId, (tx) =>
    placeMemberHold(tx, { ...member, kind, observed: counted.consumedPoints, ...limit }),
  );
  if (notificationId) await emitToOrganization(actor.organizationId, "alert.notified", { notificationId });
  throw held(kind);
}
