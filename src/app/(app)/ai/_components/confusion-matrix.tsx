"use client";

import { Paper, Text, Title } from "@mantine/core";
import { useTranslations } from "next-intl";
import type { RouterOutputs } from "~/trpc/types";
import { useLabelName } from "./use-label-name";
import { DataTable } from "../../../_components/data-table";

/** Reviewed messages by the AI's label (rows) and the agent's (columns). */
export function ConfusionMatrix({ cells }: { cells: RouterOutputs["ai"]["overview"]["confusion"] }) {
  const t = useTranslations("ai.confusion");
  const labelName = useLabelName();
  const key = (label: string | null) => label ?? "";
  const labels = [...new Set(cells.flatMap((cell) => [key(cell.machine), key(cell.agent)]))].sort();
  const count = new Map(cells.map((cell) => [`${key(cell.machine)}→${key(cell.agent)}`, cell.count]));
  const name = (label: string) => labelName(label === "" ? null : label);

  return (
    <Paper withBorder p="md" data-testid="ai-confusion">
      <Title order={4}>{t("title")}</Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t("hint")}
      </Text>
      {cells.length === 0 ? (
        <Text c="dimmed">{t("empty")}</Text>
      ) : (
        <DataTable
          withColumnBorders
          minWidth={400}
          rows={labels}
          rowKey={(machine) => machine}
          columns={[
            { key: "machine", header: t("machine"), rowHeader: true, cell: (machine) => name(machine) },
            ...labels.map((agent) => ({
              key: agent,
              header: name(agent),
              align: "right" as const,
              cellProps: (machine: string) => {
                const value = count.get(`${machine}→${agent}`) ?? 0;
                return {
                  "data-cell": `${machine}→${agent}`,
                  bg: value && machine === agent ? "teal.0" : value ? "red.0" : undefined,
                };
              },
              cell: (machine: string) => count.get(`${machine}→${agent}`) || "",
            })),
          ]}
        />
      )}
    </Paper>
  );
}
