import { env } from "../../../env";
import type { Tx } from "../../db/tenant";
import { enqueue } from "../../jobs/enqueue";
import { recordAudit } from "../audit/record-audit";
import { memberHoldWhere } from "./active-member-hold";
import type { MemberHoldKind } from "./member-hold-limits";

export interface HoldFacts {
  organizationId: string;
  userId: string;
  kind: MemberHoldKind;
  observed: number;
  threshold: number;
  windowMinutes: number;
}

/**
 * Holds a member's exports, deletions or sign-ins, in the caller's transaction: the hold row, its audit
 * entry, and a notice for the alerts bell with the organization's e-mail and webhook deliveries. Nobody
 * confirms their own hold; when the organization has no other admin or owner, the hold lifts after the
 * cool-down instead, so a sole owner is slowed down, never locked out for good. Returns the notification
 * id to announce after commit, or null when the member is already held (a burst gives one notice).
 */
export async function placeMemberHold(tx: Tx, facts: HoldFacts): Promise<string | null> {
  const now = new Date();
  if (await tx.memberHold.findFirst({ where: memberHoldWhere(facts, facts.kind, now), select: { id: true } }))
    return null;
  const confirmers = await tx.membership.count({
    where: { organizationId: facts.organizationId, userId: { not: facts.userId }, role: { in: ["admin", "owner"] } },
  });
  const expiresAt = confirmers === 0 ? new Date(now.getTime() + env().MEMBER_HOLD_COOLDOWN_MINUTES * 60_000) : null;
  const hold = await tx.memberHold.create({ data: { ...facts, createdAt: now, expiresAt }, select: { id: true } });
  const member = await tx.user.findUnique({ where: { id: facts.userId }, select: { name: true, email: true } });
  const params = {
    memberName: member?.name || member?.email || facts.userId,
    action: facts.kind,
    observed: facts.observed,
    threshold: facts.threshold,
    windowMinutes: facts.windowMinutes,
  };
  await recordAudit(tx, {
    organizationId: facts.organizationId,
    actorUserId: null,
    action: "member.hold_placed",
    targetType: "member_hold",
    targetId: hold.id,
    metadata: { userId: facts.userId, ...params, expiresAt: expiresAt?.toISOString() ?? null },
  });
  const notification = await tx.alertNotification.create({
    data: {
      organizationId: facts.organizationId,
      ruleId: null,
      kind: facts.kind === "sign_in" ? "sign_in_held" : "member_action_held",
      subject: facts.userId,
      transition: "fired",
      params,
      occurredAt: now,
    },
    select: { id: true },
  });
  const channels = await tx.alertChannels.findUnique({ where: { organizationId: facts.organizationId } });
  const deliveries = [
    ...(channels?.emailRecipients.length ? (["email"] as const) : []),
    ...(channels?.webhookUrl ? (["webhook"] as const) : []),
  ];
  for (const channel of deliveries)
    await enqueue(
      "alerts.deliver",
      { organizationId: facts.organizationId, notificationId: notification.id, channel },
      { tx, singletonKey: `${notification.id}:${channel}` },
    );
  return notification.id;
}
