import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { withOrganization } from "~/server/db/tenant";
import { getAnalyticsDashboard } from "~/server/domain/analytics/get-analytics-dashboard";
import { recordReportingEvents, type ReportingEventInput } from "~/server/domain/analytics/record-reporting-events";
import { rebuildReportingRollup, refreshReportingRollup } from "~/server/domain/analytics/refresh-reporting-rollup";
import { reportingKinds, type ReportingKind } from "~/server/domain/analytics/reporting-kinds";
import { dayIn, expectTotalsOfEvents } from "../support/analytics-checks";
import { makeOrganization } from "../support/factory";

const DAY = 86_400_000;

/** reporting_monthly next to the sums of reporting_daily per month, both sorted the same way. */
async function monthsAndDailySums(organizationId: string) {
  return withOrganization(organizationId, async (tx) => {
    const columns = `kind, instance_id::text, member_id::text, direction::text, bucket, business_bucket`;
    const monthly = await tx.$queryRawUnsafe<unknown[]>(
      `SELECT month::text AS month, ${columns}, count::int, round(value_sum::numeric, 3)::float8 AS value_sum
       FROM reporting_monthly ORDER BY 1, 2, 3, 4, 5, 6, 7`,
    );
    const daily = await tx.$queryRawUnsafe<unknown[]>(
      `SELECT date_trunc('month', day)::date::text AS month, ${columns}, sum(count)::int AS count,
         round(sum(value_sum)::numeric, 3)::float8 AS value_sum
       FROM reporting_daily GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7`,
    );
    return { monthly, daily };
  });
}

/** The 365-day dashboard's current and previous totals against the raw events of those days. */
async function expectYearDashboardMatches(
  actor: { userId: string; organizationId: string; role: "owner" },
  timezone: string,
  events: readonly ReportingEventInput[],
  instanceId: string,
) {
  const dashboard = await getAnalyticsDashboard(actor, { periodDays: 365 });
  const within = (from: string, to: string) =>
    events.filter((e) => {
      const day = dayIn(timezone, e.occurredAt);
      return day >= from && day <= to;
    });
  const current = within(dashboard.from, dashboard.to);
  expectTotalsOfEvents(dashboard.current, current, "current year");
  expectTotalsOfEvents(
    dashboard.previous,
    within(dashboard.previousPeriod.from, dashboard.previousPeriod.to),
    "previous year",
  );
  expectTotalsOfEvents(
    dashboard.instances.find((i) => i.instanceId === instanceId)!,
    current.filter((e) => e.instanceId === instanceId),
    "instance",
  );
  const inbound = new Map<string, number>();
  for (const e of current)
    if (e.kind === reportingKinds.messageInbound) {
      const day = dayIn(timezone, e.occurredAt);
      inbound.set(day, (inbound.get(day) ?? 0) + 1);
    }
  expect(dashboard.days).toHaveLength(365);
  for (const d of dashboard.days) expect(d.inbound, d.day).toBe(inbound.get(d.day) ?? 0);
}

describe("analytics: monthly rollup level", () => {
  it("months always equal their days, and a year's dashboard read through months equals the raw events", async () => {
    const { organizationId, ownerId } = await makeOrganization();
    const actor = { userId: ownerId, organizationId, role: "owner" as const };
    const instanceId = await withOrganization(
      organizationId,
      async (tx) =>
        (
          await tx.instance.create({
            data: { organizationId, name: "Atendimento", providerName: `p-${organizationId}`, webhookSecretHash: "x" },
          })
        ).id,
    );
    const kinds = Object.values(reportingKinds) as ReportingKind[];
    const event = fc.record({
      kind: fc.constantFrom(...kinds),
      // Up to two years back, so whole months, partial months at both ends and the previous year all occur.
      offsetMinutes: fc.integer({ min: -730 * 24 * 60, max: 0 }),
      instance: fc.constantFrom<string | null>(instanceId, null),
      value: fc.option(fc.double({ min: 0, max: 2_000_000, noNaN: true }), { nil: null }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("America/Sao_Paulo", "UTC", "Pacific/Chatham"),
        fc.array(event, { maxLength: 80 }),
        fc.integer({ min: 1, max: 700 }),
        async (timezone, generated, lateDaysAgo) => {
          await withOrganization(organizationId, async (tx) => {
            await tx.$executeRaw`DELETE FROM reporting_events`;
            await tx.organization.update({ where: { id: organizationId }, data: { timezone } });
          });
          const now = Math.floor(Date.now() / 1000) * 1000;
          const events: ReportingEventInput[] = generated.map((e) => ({
            kind: e.kind,
            occurredAt: new Date(now + e.offsetMinutes * 60_000),
            instanceId: e.instance,
            direction:
              e.kind === reportingKinds.messageInbound
                ? "inbound"
                : e.kind === reportingKinds.messageOutbound
                  ? "outbound"
                  : null,
            value: e.value,
          }));
          await withOrganization(organizationId, (tx) => recordReportingEvents(tx, organizationId, events));
          await rebuildReportingRollup({ organizationId });
          const afterRebuild = await monthsAndDailySums(organizationId);
          expect(afterRebuild.monthly).toEqual(afterRebuild.daily);
          await expectYearDashboardMatches(actor, timezone, events, instanceId);

          // A late event on an old day: the refresh rewrites its day and its month.
          const late: ReportingEventInput = {
            kind: reportingKinds.messageInbound,
            occurredAt: new Date(now - lateDaysAgo * DAY),
            instanceId,
            direction: "inbound",
          };
          await withOrganization(organizationId, (tx) => recordReportingEvents(tx, organizationId, [late]));
          await refreshReportingRollup({ organizationId });
          const afterRefresh = await monthsAndDailySums(organizationId);
          expect(afterRefresh.monthly).toEqual(afterRefresh.daily);
          await expectYearDashboardMatches(actor, timezone, [...events, late], instanceId);
        },
      ),
      { numRuns: 8 },
    );
  });

  it("a rollup made before the monthly level is read from its days until the next refresh fills every month", async () => {
    const { organizationId, ownerId } = await makeOrganization();
    const actor = { userId: ownerId, organizationId, role: "owner" as const };
    const events: ReportingEventInput[] = [40, 100, 200, 300].map((daysAgo) => ({
      kind: reportingKinds.messageInbound,
      occurredAt: new Date(Date.now() - daysAgo * DAY),
      direction: "inbound",
    }));
    await withOrganization(organizationId, (tx) => recordReportingEvents(tx, organizationId, events));
    await rebuildReportingRollup({ organizationId });
    // As the migration leaves an existing rollup: daily rows, no months, the flag off.
    await withOrganization(organizationId, async (tx) => {
      await tx.$executeRaw`DELETE FROM reporting_monthly`;
      await tx.$executeRaw`UPDATE reporting_rollup_state SET monthly_rollup = false`;
    });
    expect((await getAnalyticsDashboard(actor, { periodDays: 365 })).current.inbound).toBe(4);

    await refreshReportingRollup({ organizationId });
    const { monthly, daily } = await monthsAndDailySums(organizationId);
    expect(monthly.length).toBeGreaterThanOrEqual(4);
    expect(monthly).toEqual(daily);
    expect((await getAnalyticsDashboard(actor, { periodDays: 365 })).current.inbound).toBe(4);
  });
});
