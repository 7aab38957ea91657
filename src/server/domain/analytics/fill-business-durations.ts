import { Prisma } from "../../db/generated/client";
import type { Tx } from "../../db/tenant";
import { businessSecondsBetween } from "./business-seconds";
import { loadBusinessCalendar } from "./load-business-calendar";
import { reportingKinds } from "./reporting-kinds";

/**
 * Stores the business-hours duration of first response and resolution events: the part of
 * [occurred_at - value, occurred_at] inside the calendar's open hours. `conversationIds` limits it to the
 * events of those conversations still without one (just recorded); `since` recomputes every event from
 * then on (the hours changed). Rerunning gives the same values.
 */
export async function fillBusinessDurations(
  tx: Tx,
  organizationId: string,
  scope: { conversationIds: string[] } | { since: Date },
): Promise<number> {
  if ("conversationIds" in scope && scope.conversationIds.length === 0) return 0;
  const filter =
    "conversationIds" in scope
      ? Prisma.sql`AND conversation_id = ANY(${scope.conversationIds}::uuid[]) AND business_value IS NULL`
      : Prisma.sql`AND occurred_at >= ${scope.since}::timestamptz`;
  const events = await tx.$queryRaw<{ id: bigint; occurredAt: Date; value: number }[]>`
    SELECT id, occurred_at AS "occurredAt", value FROM reporting_events
    WHERE organization_id = ${organizationId}::uuid AND value IS NOT NULL
      AND kind = ANY(${[reportingKinds.firstResponse, reportingKinds.resolved]}::text[]) ${filter}`;
  if (events.length === 0) return 0;
  // Read only when there is something to measure: most sends record no first response.
  const calendar = await loadBusinessCalendar(tx, organizationId);
  const values = events.map((event) =>
    businessSecondsBetween(new Date(event.occurredAt.getTime() - event.value * 1000), event.occurredAt, calendar),
  );
  await tx.$executeRaw`
    UPDATE reporting_events e SET business_value = v.business_value
    FROM unnest(${events.map((event) => event.id.toString())}::bigint[], ${values}::float8[]) AS v(id, business_value)
    WHERE e.id = v.id AND e.organization_id = ${organizationId}::uuid`;
  return events.length;
}
