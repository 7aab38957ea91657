import type { useTranslations } from "next-intl";
import type { AnalyticsDashboardOutput } from "~/shared/schemas/analytics";
import { metricsCsv } from "./metrics-csv";

/** Saves the numbers on screen as a CSV file (built in the browser from the same query data). */
export function downloadMetricsCsv(
  data: AnalyticsDashboardOutput,
  t: ReturnType<typeof useTranslations<"metrics.csv">>,
) {
  const keys = Object.keys(data.current) as (keyof AnalyticsDashboardOutput["current"])[];
  const csv = metricsCsv(data, {
    day: t("day"),
    inbound: t("inbound"),
    outbound: t("outbound"),
    metric: t("metric"),
    current: t("current"),
    previous: t("previous"),
    number: t("number"),
    member: t("member"),
    totals: Object.fromEntries(keys.map((key) => [key, t(`totals.${key}`)])) as Record<(typeof keys)[number], string>,
  });
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const link = Object.assign(document.createElement("a"), {
    href: url,
    download: `metricas-${data.from}-${data.to}.csv`,
  });
  link.click();
  // Revoked later: revoking at once can cancel the download before it starts.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
