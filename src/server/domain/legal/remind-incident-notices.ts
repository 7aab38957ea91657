import { withOrganization } from "../../db/tenant";
import { recordAudit } from "../audit/record-audit";
import { INCIDENT_DUE_SOON_MS } from "./incident-dto";

const HOUR_MS = 3_600_000;

/**
 * The legal.incident-reminders job: every incident not yet notified to the ANPD within a day of its due
 * time (or past it) gets a notice every four hours, as an audit entry (the audit log and the register's
 * clock show it). Safe to run twice: `reminded_at` is claimed in the same statement.
 */
export async function remindIncidentNotices(payload: { organizationId: string }, now = new Date()): Promise<number> {
  const { organizationId } = payload;
  return withOrganization(organizationId, async (tx) => {
    const claimed = await tx.$queryRaw<{ id: string; notice_due_at: Date }[]>`
      UPDATE security_incidents SET reminded_at = ${now}, updated_at = ${now}
      WHERE organization_id = ${organizationId}::uuid AND anpd_notified_at IS NULL AND status <> 'closed'
        AND notice_due_at <= ${new Date(now.getTime() + INCIDENT_DUE_SOON_MS)}
        AND (reminded_at IS NULL OR reminded_at <= ${new Date(now.getTime() - 4 * HOUR_MS)})
      RETURNING id, notice_due_at`;
    for (const incident of claimed)
      await recordAudit(tx, {
        organizationId,
        actorUserId: null,
        action: incident.notice_due_at <= now ? "legal.incident_notice_overdue" : "legal.incident_notice_due_soon",
        targetType: "security_incident",
        targetId: incident.id,
        metadata: { noticeDueAt: incident.notice_due_at.toISOString() },
      });
    return claimed.length;
  });
}
