"use client";

import { Button, Checkbox, NumberInput, Paper, Stack, Switch, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { alertThresholdUnits } from "~/shared/schemas/alerts";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import type { RouterOutputs } from "~/trpc/types";
import { AlertChannelsForm } from "./alert-channels-form";

type Rule = RouterOutputs["alerts"]["rules"][number];

/** Alertas: one row per kind, with threshold, window, cooldown and where it is sent. */
export function AlertRulesPanel() {
  const t = useTranslations("alerts");
  const trpc = useTRPC();
  const rules = useQuery(trpc.alerts.rules.queryOptions());
  return (
    <Stack maw={1000}>
      <Title order={4}>{t("rulesTitle")}</Title>
      <Text c="dimmed" size="sm">
        {t("rulesHint")}
      </Text>
      <Paper withBorder>
        <Table.ScrollContainer minWidth={820}>
          <Table data-testid="alert-rules">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("title")}</Table.Th>
                <Table.Th>{t("enabled")}</Table.Th>
                <Table.Th>{t("threshold")}</Table.Th>
                <Table.Th>{t("windowMinutes")}</Table.Th>
                <Table.Th>{t("cooldownMinutes")}</Table.Th>
                <Table.Th>{t("notifyEmail")}</Table.Th>
                <Table.Th>{t("notifyWebhook")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rules.data?.map((rule) => (
                <RuleRow key={rule.kind} rule={rule} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <AlertChannelsForm />
    </Stack>
  );
}

function RuleRow({ rule }: { rule: Rule }) {
  const t = useTranslations("alerts");
  const { messageOf } = useErrorWording();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(rule);
  const save = useMutation(
    trpc.alerts.saveRule.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: "teal", message: t("saved") });
        await queryClient.invalidateQueries({ queryKey: trpc.alerts.rules.queryKey() });
      },
      onError: (error) => notifications.show({ color: "red", message: messageOf(error, t("saveError")) }),
    }),
  );
  const set = <K extends keyof Rule>(key: K, value: Rule[K]) => setDraft({ ...draft, [key]: value });
  const number = (key: "threshold" | "windowMinutes" | "cooldownMinutes", value: string | number) =>
    set(key, typeof value === "number" ? value : Number(value) || 0);
  return (
    <Table.Tr data-testid={`alert-rule-${rule.kind}`}>
      <Table.Td>{t(`kinds.${rule.kind}`)}</Table.Td>
      <Table.Td>
        <Switch
          checked={draft.enabled}
          onChange={(e) => set("enabled", e.currentTarget.checked)}
          aria-label={t("enabled")}
        />
      </Table.Td>
      <Table.Td>
        <NumberInput
          size="xs"
          w={110}
          min={0}
          value={draft.threshold}
          onChange={(value) => number("threshold", value)}
          rightSection={<Text size="xs">{t(`units.${alertThresholdUnits[rule.kind]}`)}</Text>}
          rightSectionWidth={56}
          aria-label={t("threshold")}
        />
      </Table.Td>
      {(
        [
          ["windowMinutes", 1],
          ["cooldownMinutes", 0],
        ] as const
      ).map(([key, min]) => (
        <Table.Td key={key}>
          <NumberInput
            size="xs"
            w={80}
            min={min}
            value={draft[key]}
            onChange={(value) => number(key, value)}
            aria-label={t(key)}
          />
        </Table.Td>
      ))}
      {(["notifyEmail", "notifyWebhook"] as const).map((key) => (
        <Table.Td key={key}>
          <Checkbox checked={draft[key]} onChange={(e) => set(key, e.currentTarget.checked)} aria-label={t(key)} />
        </Table.Td>
      ))}
      <Table.Td>
        <Button size="xs" loading={save.isPending} onClick={() => save.mutate({ ...draft, kind: rule.kind })}>
          {t("save")}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
