"use client";

import { Paper, Table, Title } from "@mantine/core";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { AnalyticsDashboardOutput } from "~/shared/schemas/analytics";
import { formatDuration } from "./format-metric";

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
  const t = useTranslations("metrics");
  const number = new Intl.NumberFormat(props.locale);
  const format = (value: number | null, duration?: boolean) =>
    value === null ? t("noValue") : duration ? formatDuration(props.locale, value) : number.format(value);
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {props.title}
      </Title>
      <Table.ScrollContainer minWidth={640}>
        <Table data-testid={props.testId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{props.nameLabel}</Table.Th>
              {props.columns.map((column) => (
                <Table.Th key={column.key} ta="right">
                  {column.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.rows.map((row) => (
              <Table.Tr
                key={row.id}
                data-testid={`${props.testId}-${row.id}`}
                style={props.drillHref ? { cursor: "pointer" } : undefined}
                onClick={props.drillHref ? () => router.push(props.drillHref!(row.id)) : undefined}
              >
                <Table.Td>{row.name}</Table.Td>
                {props.columns.map((column) => (
                  <Table.Td key={column.key} ta="right">
                    {format(row[column.key], column.duration)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
