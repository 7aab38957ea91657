import { csvCell, csvLine, UTF8_BOM } from "~/shared/csv-format";
import type { AnalyticsDashboardOutput } from "~/shared/schemas/analytics";

type Totals = AnalyticsDashboardOutput["current"];

export interface MetricsCsvLabels {
  day: string;
  inbound: string;
  outbound: string;
  metric: string;
  current: string;
  previous: string;
  number: string;
  member: string;
  /** Column titles of the totals, by key (durations in seconds). */
  totals: Record<keyof Totals, string>;
}

/** Durations in whole seconds: the screen shows the same values, only in a friendlier unit. */
const cell = (value: number | null) => (value === null ? "" : Math.round(value));

/**
 * The dashboard's numbers as one CSV (the product's CSV format, see csv-format.ts): the days of the
 * period, this period against the previous one, then each number and each member. Built from the very data on screen.
 */
export function metricsCsv(data: AnalyticsDashboardOutput, labels: MetricsCsvLabels): string {
  const keys = Object.keys(labels.totals) as (keyof Totals)[];
  const sections = [
    [[labels.day, labels.inbound, labels.outbound], ...data.days.map((d) => [d.day, d.inbound, d.outbound])],
    [
      [labels.metric, `${labels.current} (${data.from} – ${data.to})`, labels.previous],
      ...keys.map((key) => [labels.totals[key], cell(data.current[key]), cell(data.previous[key])]),
    ],
    [
      [labels.number, ...keys.map((key) => labels.totals[key])],
      ...data.instances.map((i) => [i.name, ...keys.map((key) => cell(i[key]))]),
    ],
    [
      [labels.member, ...keys.map((key) => labels.totals[key])],
      ...data.members.map((m) => [m.name, ...keys.map((key) => cell(m[key]))]),
    ],
  ];
  // The same cell rules as the contacts export (one CSV format for the product); a blank line between sections.
  const csv = sections
    .map((rows) => rows.map((row) => csvLine(row.map((value) => csvCell(value)))).join(""))
    .join("\r\n");
  return `${UTF8_BOM}${csv}`;
}
