"use client";

import { Paper, Title } from "@mantine/core";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { AnalyticsDashboardOutput } from "~/shared/schemas/analytics";
import { formatDuration } from "./format-metric";
import { DataTable } from "../../../_components/data-table";

type Totals = AnalyticsDashboardOutput["current"];

/** The period's numbers per number or per member: one row each, the chosen columns of their totals. */
export function BreakdownTable(props: {
  title: string;
  testId: string;
  nameLabel: string;
  rows: ({ id: string; name: string } & Totals)[];
  columns: { key: keyof Totals; label: string; duration?: boolean }[];
  locale: string;
  /** Where a row leads (the filtered inbox), if anywhere. */
  drillHref?: (id: string) => string;
}) {
  const router = useRouter();
  const { drillHref } = props;
  const t = useTranslations("metrics");
  const number = new Intl.NumberFormat(props.locale);
  const format = (value: number | null, duration?: boolean) =>
    value === null ? t("noValue") : duration ? formatDuration(props.locale, value) : number.format(value);
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {props.title}
      </Title>
      <DataTable
        testId={props.testId}
        minWidth={640}
        rows={props.rows}
        rowKey={(row) => row.id}
        rowProps={(row) => ({ "data-testid": `${props.testId}-${row.id}` })}
        onRowClick={drillHref ? (row) => router.push(drillHref(row.id)) : undefined}
        columns={[
          { key: "name", header: props.nameLabel, cell: (row) => row.name },
          ...props.columns.map((column) => ({
            key: column.key,
            header: column.label,
            align: "right" as const,
            cell: (row: (typeof props.rows)[number]) => format(row[column.key], column.duration),
          })),
        ]}
      />
    </Paper>
  );
}
