"use client";

import { Paper, Table, Text, Title } from "@mantine/core";
import { useTranslations } from "next-intl";
import type { RouterOutputs } from "~/trpc/types";
import { useLabelName } from "./use-label-name";

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
        <Table.ScrollContainer minWidth={400}>
          <Table withColumnBorders>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("machine")}</Table.Th>
                {labels.map((agent) => (
                  <Table.Th key={agent} ta="right">
                    {name(agent)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {labels.map((machine) => (
                <Table.Tr key={machine}>
                  <Table.Th>{name(machine)}</Table.Th>
                  {labels.map((agent) => {
                    const value = count.get(`${machine}→${agent}`) ?? 0;
                    return (
                      <Table.Td
                        key={agent}
                        ta="right"
                        data-cell={`${machine}→${agent}`}
                        bg={value && machine === agent ? "teal.0" : value ? "red.0" : undefined}
                      >
                        {value || ""}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
