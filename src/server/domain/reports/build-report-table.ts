import type { Tx } from "../../db/tenant";
import {
  durationMetrics,
  type ReportDefinition,
  type ReportMetric,
  type ReportTable,
} from "../../../shared/schemas/reports";
import { totalsOf } from "../analytics/get-analytics-dashboard";
import { loadAggregateRows } from "../analytics/load-aggregate-rows";
import { comparisonPeriods, sameDayLastYear } from "../analytics/comparison-periods";
import { addDays, organizationCalendar } from "../analytics/organization-calendar";
import type { AggregateRow } from "../analytics/rollup-reporting-days";

export type ReportQuery = Pick<ReportDefinition, "metrics" | "dimension" | "periodDays" | "filters" | "comparison">;

/** Whole seconds for durations, as every view of a report shows them; counts as they are. */
function valueOf(rows: readonly AggregateRow[], metrics: readonly ReportMetric[]): (number | null)[] {
  const totals = totalsOf(rows);
  return metrics.map((metric) => {
    const value = totals[metric];
    return value !== null && durationMetrics.has(metric) ? Math.round(value) : value;
  });
}

/** Per metric: the compared value, the absolute change and the change in percent (one decimal). */
function comparedOf(
  values: (number | null)[],
  comparedValues: (number | null)[],
): ReportTable["rows"][number]["compared"] {
  return values.map((value, index) => {
    const compared = comparedValues[index] ?? null;
    const delta = value === null || compared === null ? null : value - compared;
    const deltaPercent = delta === null || !compared ? null : Math.round((delta / compared) * 1000) / 10;
    return { value: compared, delta, deltaPercent };
  });
}

/**
 * A report's table over the last `periodDays` organization days up to today: one row per day, number or
 * member (all of them, zeros included, or those the filters name), then the total. Read through the same
 * rows as the dashboard (rollup, then raw events for today), percentiles from summed buckets. With a
 * comparison, each row also holds the same row over the compared period (comparisonPeriods; a day row is
 * compared with its day in that period) and the change.
 */
export async function buildReportTable(tx: Tx, organizationId: string, query: ReportQuery): Promise<ReportTable> {
  const { timezone, today } = await organizationCalendar(tx, organizationId);
  const from = addDays(today, 1 - query.periodDays);
  const instanceFilter = new Set(query.filters.instanceIds);
  const memberFilter = new Set(query.filters.memberIds);
  const filtered = (rows: AggregateRow[]) =>
    rows.filter(
      (row) =>
        (instanceFilter.size === 0 || (row.instanceId !== null && instanceFilter.has(row.instanceId))) &&
        (memberFilter.size === 0 || (row.memberId !== null && memberFilter.has(row.memberId))),
    );
  const rows = filtered(await loadAggregateRows(tx, { organizationId, timezone, from, end: addDays(today, 1) }));
  const kind = query.comparison && query.comparison !== "none" ? query.comparison : null;
  const compared = kind ? comparisonPeriods({ from, to: today })[kind] : null;
  const comparedRows = compared
    ? filtered(
        await loadAggregateRows(tx, { organizationId, timezone, from: compared.from, end: addDays(compared.to, 1) }),
      )
    : [];
  const comparedDay = (day: string) => (kind === "lastYear" ? sameDayLastYear(day) : addDays(day, -query.periodDays));

  const cells = (groupRows: AggregateRow[], groupComparedRows: AggregateRow[]) => {
    const values = valueOf(groupRows, query.metrics);
    return { values, compared: compared ? comparedOf(values, valueOf(groupComparedRows, query.metrics)) : null };
  };

  let groups: { key: string; label: string; rows: AggregateRow[]; comparedRows: AggregateRow[] }[];
  if (query.dimension === "day") {
    const byDay = new Map<string, AggregateRow[]>();
    for (let day = from; day <= today; day = addDays(day, 1)) byDay.set(day, []);
    for (const row of rows) byDay.get(row.day)?.push(row);
    // Grouped once: filtering every compared row for each of 365 days was seconds at a year of data.
    const comparedByDay = new Map<string, AggregateRow[]>();
    for (const row of comparedRows) {
      const dayRows = comparedByDay.get(row.day);
      if (dayRows) dayRows.push(row);
      else comparedByDay.set(row.day, [row]);
    }
    groups = [...byDay.entries()].map(([day, dayRows]) => ({
      key: day,
      label: day,
      rows: dayRows,
      comparedRows: comparedByDay.get(comparedDay(day)) ?? [],
    }));
  } else if (query.dimension === "instance") {
    const instances = await tx.instance.findMany({
      where: { organizationId, ...(instanceFilter.size > 0 ? { id: { in: [...instanceFilter] } } : {}) },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    });
    groups = instances.map((instance) => ({
      key: instance.id,
      label: instance.name,
      rows: rows.filter((row) => row.instanceId === instance.id),
      comparedRows: comparedRows.filter((row) => row.instanceId === instance.id),
    }));
  } else {
    const members = await tx.membership.findMany({
      where: { organizationId, ...(memberFilter.size > 0 ? { userId: { in: [...memberFilter] } } : {}) },
      select: { userId: true, user: { select: { name: true, email: true } } },
      orderBy: { createdAt: "asc" },
    });
    groups = members.map((member) => ({
      key: member.userId,
      label: member.user.name ?? member.user.email,
      rows: rows.filter((row) => row.memberId === member.userId),
      comparedRows: comparedRows.filter((row) => row.memberId === member.userId),
    }));
  }
  return {
    timezone,
    from,
    to: today,
    dimension: query.dimension,
    metrics: query.metrics,
    comparison: kind && compared ? { kind, ...compared } : null,
    rows: [
      ...groups.map((group) => ({ key: group.key, label: group.label, ...cells(group.rows, group.comparedRows) })),
      { key: null, label: null, ...cells(rows, comparedRows) },
    ],
  };
}
