"use client";

import { Paper, Table, Title } from "@mantine/core";
import { useTranslations } from "next-intl";
import type { AnalyticsDashboardOutput } from "~/shared/schemas/analytics";
import { formatDuration } from "./format-metric";

/** The period's numbers per WhatsApp number. */
export function NumberTable({
  instances,
  locale,
}: {
  instances: AnalyticsDashboardOutput["instances"];
  locale: string;
}) {
  const t = useTranslations("metrics.byNumber");
  const tMetrics = useTranslations("metrics");
  const number = new Intl.NumberFormat(locale);
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {t("title")}
      </Title>
      <Table.ScrollContainer minWidth={560}>
        <Table data-testid="metrics-by-number">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("number")}</Table.Th>
              <Table.Th ta="right">{t("inbound")}</Table.Th>
              <Table.Th ta="right">{t("outbound")}</Table.Th>
              <Table.Th ta="right">{t("firstResponseP50")}</Table.Th>
              <Table.Th ta="right">{t("resolved")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {instances.map((row) => (
              <Table.Tr key={row.instanceId} data-testid={`metrics-number-${row.instanceId}`}>
                <Table.Td>{row.name}</Table.Td>
                <Table.Td ta="right">{number.format(row.inbound)}</Table.Td>
                <Table.Td ta="right">{number.format(row.outbound)}</Table.Td>
                <Table.Td ta="right">
                  {row.firstResponseP50 === null ? tMetrics("noValue") : formatDuration(locale, row.firstResponseP50)}
                </Table.Td>
                <Table.Td ta="right">{number.format(row.resolved)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
