"use client";

import { Paper, Table, Text, Title } from "@mantine/core";
import { useLocale, useTranslations } from "next-intl";
import type { RouterOutputs } from "~/trpc/types";

/** Label accuracy of the reviewed messages per engine, model and engine/prompt version. */
export function ModelAccuracy({ rows }: { rows: RouterOutputs["ai"]["overview"]["modelAccuracy"] }) {
  const t = useTranslations("ai.modelAccuracy");
  const locale = useLocale();
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  return (
    <Paper withBorder p="md">
      <Title order={4}>{t("title")}</Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t("hint")}
      </Text>
      <Table data-testid="ai-model-accuracy">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("engine")}</Table.Th>
            <Table.Th>{t("version")}</Table.Th>
            <Table.Th ta="right">{t("reviewed")}</Table.Th>
            <Table.Th ta="right">{t("accuracy")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={4}>
                <Text size="sm" c="dimmed">
                  {t("none")}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {rows.map((row) => (
            <Table.Tr key={`${row.engine}/${row.model}/${row.version}`} data-version={row.version}>
              <Table.Td>
                {row.engine === "local" ? t("local", { model: row.model }) : t("provider", { model: row.model })}
              </Table.Td>
              <Table.Td>{row.version}</Table.Td>
              <Table.Td ta="right">{row.reviewed}</Table.Td>
              <Table.Td ta="right">{row.accuracy === null ? "—" : percent.format(row.accuracy)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
