import { withOrganization } from "../../db/tenant";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";

/** Marks the given notifications (or all) read for the organization; marking twice changes nothing. */
export async function markAlertsRead(actor: Actor, input: { ids?: string[] }): Promise<{ marked: number }> {
  return withOrganization(actor.organizationId, async (tx) => {
    const { count } = await tx.alertNotification.updateMany({
      where: { organizationId: actor.organizationId, readAt: null, ...(input.ids ? { id: { in: input.ids } } : {}) },
      data: { readAt: new Date() },
    });
    if (count > 0)
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        action: "alerts.read",
        targetType: "alert_notification",
        metadata: { count, ids: input.ids ?? null },
      });
    return { marked: count };
  });
}
