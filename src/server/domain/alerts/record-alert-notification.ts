import type { Tx } from "../../db/tenant";
import { enqueue } from "../../jobs/enqueue";
import { recordAudit } from "../audit/record-audit";

export interface AlertNotificationEntry {
  organizationId: string;
  rule: { id: string; kind: string; notifyEmail: boolean; notifyWebhook: boolean };
  subject: string;
  transition: "fired" | "resolved";
  params: Record<string, string | number>;
  now: Date;
}

/**
 * Stores a firing or resolution for the bell and, in the same transaction, the e-mail and webhook deliveries
 * its rule asks for: they exist exactly when the notification does, and pg-boss retries them.
 */
export async function recordAlertNotification(tx: Tx, entry: AlertNotificationEntry): Promise<string> {
  const notification = await tx.alertNotification.create({
    data: {
      organizationId: entry.organizationId,
      ruleId: entry.rule.id,
      kind: entry.rule.kind,
      subject: entry.subject,
      transition: entry.transition,
      params: entry.params,
      occurredAt: entry.now,
    },
    select: { id: true },
  });
  await recordAudit(tx, {
    organizationId: entry.organizationId,
    actorUserId: null,
    action: `alert.${entry.transition}`,
    targetType: "alert_rule",
    targetId: entry.rule.id,
    metadata: { kind: entry.rule.kind, subject: entry.subject, notificationId: notification.id },
  });
  const channels = [
    ...(entry.rule.notifyEmail ? (["email"] as const) : []),
    ...(entry.rule.notifyWebhook ? (["webhook"] as const) : []),
  ];
  for (const channel of channels)
    await enqueue(
      "alerts.deliver",
      { organizationId: entry.organizationId, notificationId: notification.id, channel },
      { tx, singletonKey: `${notification.id}:${channel}` },
    );
  return notification.id;
}
