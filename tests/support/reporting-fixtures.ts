import { withOrganization } from "../../src/server/db/tenant";
import { recordReportingEvents } from "../../src/server/domain/analytics/record-reporting-events";
import { refreshReportingRollup } from "../../src/server/domain/analytics/refresh-reporting-rollup";
import { reportingKinds } from "../../src/server/domain/analytics/reporting-kinds";

/** `count` inbound messages of last week on `instanceId`, already rolled up (a period to compare with). */
export async function lastWeekInbound(organizationId: string, instanceId: string, count: number): Promise<void> {
  const lastWeek = new Date(Date.now() - 8 * 24 * 3_600_000);
  await withOrganization(organizationId, (tx) =>
    recordReportingEvents(
      tx,
      organizationId,
      Array.from({ length: count }, () => ({
        kind: reportingKinds.messageInbound,
        occurredAt: lastWeek,
        instanceId,
        direction: "inbound" as const,
      })),
    ),
  );
  await refreshReportingRollup({ organizationId });
}
