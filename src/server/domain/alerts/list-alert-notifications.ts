import { withOrganization } from "../../db/tenant";
import { notificationKind, type AlertNotificationDto } from "../../../shared/schemas/alerts";
import type { Actor } from "../members/actor";

const LIST_SIZE = 30;

/** The bell: the latest firings and resolutions, and how many are unread. */
export async function listAlertNotifications(actor: Actor): Promise<{ unread: number; items: AlertNotificationDto[] }> {
  return withOrganization(actor.organizationId, async (tx) => {
    const where = { organizationId: actor.organizationId };
    const [unread, rows] = await Promise.all([
      tx.alertNotification.count({ where: { ...where, readAt: null } }),
      tx.alertNotification.findMany({ where, orderBy: { occurredAt: "desc" }, take: LIST_SIZE }),
    ]);
    const items = rows.flatMap((row) => {
      const kind = notificationKind.safeParse(row.kind);
      if (!kind.success) return [];
      return [
        {
          id: row.id,
          kind: kind.data,
          subject: row.subject,
          transition: row.transition === "resolved" ? ("resolved" as const) : ("fired" as const),
          params: row.params as Record<string, string | number>,
          occurredAt: row.occurredAt,
          read: row.readAt !== null,
        },
      ];
    });
    return { unread, items };
  });
}
