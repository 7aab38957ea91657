import { withOrganization } from "../../db/tenant";
import type { Actor } from "../members/actor";
import { emptyHistogram, percentileOf } from "./duration-buckets";
import { comparisonPeriods, type DayPeriod } from "./comparison-periods";
import { addDays, organizationCalendar } from "./organization-calendar";
import { reportingKinds } from "./reporting-kinds";
import { loadAggregateRows } from "./load-aggregate-rows";
import { loadPeriodRows, type PeriodRow } from "./load-period-rows";

export interface PeriodTotals {
  inbound: number;
  outbound: number;
  firstResponses: number;
  firstResponseP50: number | null;
  firstResponseP90: number | null;
  resolved: number;
  resolutionP50: number | null;
  resolutionP90: number | null;
  reopened: number;
  assigned: number;
}

export interface AnalyticsDashboard {
  timezone: string;
  /** Whether first response and resolution percentiles count business hours only. */
  businessHours: boolean;
  periodDays: number;
  /** First and last day of the period (organization time, YYYY-MM-DD). */
  from: string;
  to: string;
  days: { day: string; inbound: number; outbound: number }[];
  current: PeriodTotals;
  previous: PeriodTotals;
  /** The periods compared with: equal length just before, and the same dates one year earlier. */
  previousPeriod: DayPeriod;
  lastYear: PeriodTotals;
  lastYearPeriod: DayPeriod;
  instances: ({ instanceId: string; name: string } & PeriodTotals)[];
  /** Per member: their replies (outbound), first responses, resolutions and assignments to them. */
  members: ({ memberId: string; name: string } & PeriodTotals)[];
}

/**
 * The Métricas dashboard: the last `periodDays` days up to today (organization time), the same number of
 * days before them and the same dates one year earlier (comparisonPeriods). Days the rollup has completed come from it; later days (today) from raw events.
 * Totals are summed in SQL per period (loadPeriodRows); only the daily message counts are read per day.
 */
export async function getAnalyticsDashboard(
  actor: Actor,
  input: { periodDays: number; businessHours?: boolean },
): Promise<AnalyticsDashboard> {
  const options = { businessHours: input.businessHours ?? false };
  return withOrganization(actor.organizationId, async (tx) => {
    const organizationId = actor.organizationId;
    const { timezone, today } = await organizationCalendar(tx, organizationId);
    const from = addDays(today, 1 - input.periodDays);
    const { previous, lastYear } = comparisonPeriods({ from, to: today });
    const end = addDays(today, 1);
    const base = { organizationId, timezone };
    const current = await loadPeriodRows(tx, { ...base, from, end });
    const previousRows = await loadPeriodRows(tx, { ...base, from: previous.from, end: from });
    const lastYearRows = await loadPeriodRows(tx, { ...base, from: lastYear.from, end: addDays(lastYear.to, 1) });
    const messageKinds = [reportingKinds.messageInbound, reportingKinds.messageOutbound];
    const dailyMessages = await loadAggregateRows(tx, { ...base, from, end, kinds: messageKinds });
    const instances = await tx.instance.findMany({
      where: { organizationId },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    });
    const members = await tx.membership.findMany({
      where: { organizationId },
      select: { userId: true, user: { select: { name: true, email: true } } },
      orderBy: { createdAt: "asc" },
    });

    const byDay = new Map<string, { inbound: number; outbound: number }>();
    for (let day = from; day <= today; day = addDays(day, 1)) byDay.set(day, { inbound: 0, outbound: 0 });
    for (const row of dailyMessages) {
      const entry = byDay.get(row.day);
      if (!entry) continue;
      if (row.kind === reportingKinds.messageInbound) entry.inbound += row.count;
      if (row.kind === reportingKinds.messageOutbound) entry.outbound += row.count;
    }
    return {
      timezone,
      businessHours: options.businessHours,
      periodDays: input.periodDays,
      from,
      to: today,
      days: [...byDay.entries()].map(([day, counts]) => ({ day, ...counts })),
      current: totalsOf(current, options),
      previous: totalsOf(previousRows, options),
      previousPeriod: previous,
      lastYear: totalsOf(lastYearRows, options),
      lastYearPeriod: lastYear,
      instances: instances.map((instance) => ({
        instanceId: instance.id,
        name: instance.name,
        ...totalsOf(
          current.filter((row) => row.instanceId === instance.id),
          options,
        ),
      })),
      members: members.map((member) => ({
        memberId: member.userId,
        name: member.user.name ?? member.user.email,
        ...totalsOf(
          current.filter((row) => row.memberId === member.userId),
          options,
        ),
      })),
    };
  });
}

/**
 * Counts and percentiles of a set of aggregate rows; percentiles from summed buckets (with `businessHours`,
 * the buckets of the business-hours durations).
 */
export function totalsOf(rows: readonly PeriodRow[], options: { businessHours?: boolean } = {}): PeriodTotals {
  const count = (kind: string) => rows.filter((r) => r.kind === kind).reduce((sum, r) => sum + r.count, 0);
  const bucketOf = (row: PeriodRow) => (options.businessHours ? row.businessBucket : row.bucket);
  const histogram = (kind: string) => {
    const buckets = emptyHistogram();
    for (const row of rows) {
      const bucket = bucketOf(row);
      if (row.kind === kind && bucket !== null) buckets[bucket]! += row.count;
    }
    return buckets;
  };
  const firstResponse = histogram(reportingKinds.firstResponse);
  const resolution = histogram(reportingKinds.resolved);
  return {
    inbound: count(reportingKinds.messageInbound),
    outbound: count(reportingKinds.messageOutbound),
    firstResponses: count(reportingKinds.firstResponse),
    firstResponseP50: percentileOf(firstResponse, 0.5),
    firstResponseP90: percentileOf(firstResponse, 0.9),
    resolved: count(reportingKinds.resolved),
    resolutionP50: percentileOf(resolution, 0.5),
    resolutionP90: percentileOf(resolution, 0.9),
    reopened: count(reportingKinds.reopened),
    assigned: count(reportingKinds.assigned),
  };
}
