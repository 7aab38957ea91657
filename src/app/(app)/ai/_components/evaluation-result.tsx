"use client";

import { Badge, Group, Popover, Table, Text, UnstyledButton } from "@mantine/core";
import { useLocale, useTranslations } from "next-intl";
import type { RouterOutputs } from "~/trpc/types";
import { useLabelName } from "./use-label-name";

type Run = RouterOutputs["aiPrompts"]["versions"]["localEvaluation"];

/** An evaluation run's accuracy and macro-F1 (per label on click), or where it stands. */
export function EvaluationResult({ run }: { run: Run }) {
  const t = useTranslations("ai.prompts.evaluation");
  const labelName = useLabelName();
  const percent = new Intl.NumberFormat(useLocale(), { style: "percent", maximumFractionDigits: 1 });
  if (!run)
    return (
      <Text size="xs" c="dimmed">
        {t("never")}
      </Text>
    );
  if (run.status !== "done")
    return (
      <Badge variant="light" color={run.status === "failed" ? "red" : "gray"} data-evaluation={run.status}>
        {run.status === "failed" ? t("failed", { code: run.errorCode ?? "" }) : t(`statuses.${run.status}`)}
      </Badge>
    );
  return (
    <Popover withArrow shadow="md">
      <Popover.Target>
        <UnstyledButton data-evaluation="done" data-accuracy={run.accuracy ?? ""}>
          <Group gap={6}>
            <Text size="sm" fw={600}>
              {t("accuracy", { value: run.accuracy === null ? "—" : percent.format(run.accuracy) })}
            </Text>
            <Text size="xs" c="dimmed">
              {t("macroF1", { value: run.macroF1 === null ? "—" : percent.format(run.macroF1) })} ·{" "}
              {t("answered", { answered: run.answered, size: run.size })}
            </Text>
          </Group>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <Table data-testid="evaluation-per-label">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("label")}</Table.Th>
              <Table.Th ta="right">{t("support")}</Table.Th>
              <Table.Th ta="right">{t("precision")}</Table.Th>
              <Table.Th ta="right">{t("recall")}</Table.Th>
              <Table.Th ta="right">F1</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {Object.entries(run.perLabel).map(([label, score]) => (
              <Table.Tr key={label}>
                <Table.Td>{labelName(label === "none" ? null : label)}</Table.Td>
                <Table.Td ta="right">{score.support}</Table.Td>
                <Table.Td ta="right">{percent.format(score.precision)}</Table.Td>
                <Table.Td ta="right">{percent.format(score.recall)}</Table.Td>
                <Table.Td ta="right">{percent.format(score.f1)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Popover.Dropdown>
    </Popover>
  );
}
