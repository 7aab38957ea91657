"use client";

import { Paper, Text, Title } from "@mantine/core";
import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { reportCell, reportColumns, reportColumnTitle } from "~/shared/report-columns";
import type { ReportTable } from "~/shared/schemas/reports";
import { DataTable } from "../../../../_components/data-table";

/**
 * A report's table as on the downloads (durations in whole seconds, the total last) and its first metric
 * as a bar per row.
 */
export function ReportTableView({ table, locale }: { table: ReportTable; locale: string }) {
  const t = useTranslations("reports");
  const tMetrics = useTranslations("metrics");
  const number = new Intl.NumberFormat(locale);
  const format = (value: number | null) => (value === null ? tMetrics("noValue") : number.format(value));
  const rowLabel = (label: string | null) => label ?? t("total");
  const firstMetric = table.metrics[0]!;
  const bars = table.rows
    .filter((row) => row.key !== null)
    .map((row) => ({ label: rowLabel(row.label), value: row.values[0] ?? 0 }));
  return (
    <>
      <Paper withBorder p="md" data-testid="report-chart">
        <Title order={4} mb="sm">
          {t("chartTitle", { metric: t(`metrics.${firstMetric}`), dimension: t(`dimensions.${table.dimension}`) })}
        </Title>
        <ResponsiveContainer width="100%" height={260}>
          <BarChart data={bars}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" fontSize={12} />
            <YAxis allowDecimals={false} fontSize={12} />
            <Tooltip />
            <Bar dataKey="value" name={t(`metricColumns.${firstMetric}`)} fill="var(--mantine-color-blue-6)" />
          </BarChart>
        </ResponsiveContainer>
      </Paper>
      <Paper withBorder p="md">
        <Text size="sm" c="dimmed" mb="sm">
          {t("range", { from: table.from, to: table.to, timezone: table.timezone })}
          {table.comparison && ` · ${t("comparisonRange", table.comparison)}`}
        </Text>
        <DataTable
          testId="report-table"
          minWidth={640}
          rows={table.rows}
          rowKey={(row) => row.key ?? "total"}
          rowProps={(row) => ({ fw: row.key === null ? 700 : undefined })}
          columns={[
            { key: "label", header: t(`dimensions.${table.dimension}`), cell: (row) => rowLabel(row.label) },
            // The downloads' columns (reportColumns), so screen and files hold the same numbers.
            ...reportColumns(table).map((column) => {
              const title = reportColumnTitle(column, table.comparison);
              return {
                key: `${column.metric}-${column.part}`,
                header: title.metricKey
                  ? t(title.key as "comparisonColumns.delta", { metric: t(title.metricKey as "metricColumns.inbound") })
                  : t(title.key as "metricColumns.inbound"),
                align: "right" as const,
                cell: (row: ReportTable["rows"][number]) => {
                  const value = reportCell(row, column);
                  return column.part === "deltaPercent" && value !== null ? `${number.format(value)}%` : format(value);
                },
              };
            }),
          ]}
        />
      </Paper>
    </>
  );
}
