import { withOrganization } from "../../db/tenant";
import { recordAudit } from "../audit/record-audit";
import { DUE_SOON_DAYS } from "./data-subject-request-dto";

const DAY_MS = 86_400_000;

/**
 * The privacy.reminders job: every open request within DUE_SOON_DAYS of its due date (or past it)
 * gets one notice a day, as an audit entry the privacy page and audit log show. Safe to run twice:
 * `reminded_at` is claimed in the same statement.
 */
export async function remindDueRequests(payload: { organizationId: string }, now = new Date()): Promise<number> {
  const { organizationId } = payload;
  return withOrganization(organizationId, async (tx) => {
    const claimed = await tx.$queryRaw<{ id: string; kind: string; due_at: Date }[]>`
      UPDATE data_subject_requests SET reminded_at = ${now}, updated_at = ${now}
      WHERE organization_id = ${organizationId}::uuid AND status = 'open'
        AND due_at <= ${new Date(now.getTime() + DUE_SOON_DAYS * DAY_MS)}
        AND (reminded_at IS NULL OR reminded_at <= ${new Date(now.getTime() - DAY_MS)})
      RETURNING id, kind::text, due_at`;
    for (const request of claimed)
      await recordAudit(tx, {
        organizationId,
        actorUserId: null,
        action: request.due_at <= now ? "privacy.request_overdue" : "privacy.request_due_soon",
        targetType: "data_subject_request",
        targetId: request.id,
        metadata: { kind: request.kind, dueAt: request.due_at.toISOString() },
      });
    return claimed.length;
  });
}
