import type { ReportMetric, ReportTable } from "./schemas/reports";

/** One numeric column of a report: a metric's value, its compared value, or the change (absolute or %). */
export interface ReportColumn {
  metric: ReportMetric;
  index: number;
  part: "value" | "compared" | "delta" | "deltaPercent";
}

/**
 * The numeric columns of a report in order; with a comparison, each metric is followed by the compared
 * value and its change. The screen and the CSV/XLSX both lay a table out with this, so they agree.
 */
export function reportColumns(table: Pick<ReportTable, "metrics" | "comparison">): ReportColumn[] {
  const parts: ReportColumn["part"][] = table.comparison ? ["value", "compared", "delta", "deltaPercent"] : ["value"];
  return table.metrics.flatMap((metric, index) => parts.map((part) => ({ metric, index, part })));
}

/** A row's number under a column. */
export function reportCell(row: ReportTable["rows"][number], column: ReportColumn): number | null {
  if (column.part === "value") return row.values[column.index] ?? null;
  return row.compared?.[column.index]?.[column.part === "compared" ? "value" : column.part] ?? null;
}

/**
 * A column's title as message keys under `reports`: `key`, worded with `{ metric }` = the wording of
 * `metricKey` when there is one ("Mensagens recebidas — ano anterior").
 */
export function reportColumnTitle(
  column: ReportColumn,
  comparison: ReportTable["comparison"],
): { key: string; metricKey: string | null } {
  const metricKey = `metricColumns.${column.metric}`;
  if (column.part === "value" || !comparison) return { key: metricKey, metricKey: null };
  return {
    key: column.part === "compared" ? `comparisonColumns.${comparison.kind}` : `comparisonColumns.${column.part}`,
    metricKey,
  };
}
