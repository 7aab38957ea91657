"use client";

import { Alert, Button, Group, NumberInput, Paper, Select, Table, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { PromptFeature } from "~/shared/ai-prompts";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

/** A/B between two published versions, and every published version's figures side by side. */
export function PromptAb(props: {
  feature: PromptFeature;
  versions: { id: string; number: number; status: string }[];
  currency: string;
}) {
  const t = useTranslations("ai.prompts.ab");
  const { messageOf } = useErrorWording();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [a, setA] = useState<string | null>(null);
  const [b, setB] = useState<string | null>(null);
  const [shareB, setShareB] = useState<number>(50);
  const comparison = useQuery(trpc.aiPrompts.comparison.queryOptions({ feature: props.feature, days: 30 }));
  const start = useMutation(
    trpc.aiPrompts.startAb.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.aiPrompts.pathKey() }),
    }),
  );
  const published = props.versions
    .filter((v) => v.status === "published")
    .map((v) => ({ value: v.id, label: `v${v.number}` }));
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const money = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: props.currency,
    maximumFractionDigits: 4,
  });
  const ratio = (value: number | null) => (value === null ? "—" : percent.format(value));

  return (
    <Paper withBorder p="md" data-testid="prompt-ab">
      <Title order={4}>{t("title")}</Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t("hint")}
      </Text>
      <Group align="flex-end" mb="sm">
        <Select label={t("a")} data={published} value={a} onChange={setA} w={120} />
        <Select label={t("b")} data={published} value={b} onChange={setB} w={120} />
        <NumberInput
          label={t("shareB")}
          min={1}
          max={99}
          value={shareB}
          onChange={(value) => setShareB(typeof value === "number" ? value : 50)}
          w={140}
          suffix="%"
        />
        <Button
          disabled={!a || !b || a === b}
          loading={start.isPending}
          onClick={() => a && b && start.mutate({ versionAId: a, versionBId: b, shareB })}
        >
          {t("start")}
        </Button>
      </Group>
      {start.error && <Alert color="red">{messageOf(start.error, t("error"))}</Alert>}
      <Table data-testid="prompt-comparison">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("version")}</Table.Th>
            <Table.Th ta="right">{t("share")}</Table.Th>
            <Table.Th ta="right">{t("calls")}</Table.Th>
            <Table.Th ta="right">{t("cost")}</Table.Th>
            <Table.Th ta="right">{t("latency")}</Table.Th>
            <Table.Th ta="right">{t("acceptance")}</Table.Th>
            <Table.Th ta="right">{t("accuracy")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {comparison.data?.map((row) => (
            <Table.Tr key={row.id} data-version={row.number}>
              <Table.Td>v{row.number}</Table.Td>
              <Table.Td ta="right">{row.share ? `${row.share}%` : "—"}</Table.Td>
              <Table.Td ta="right">{row.calls}</Table.Td>
              <Table.Td ta="right">{money.format(row.cost)}</Table.Td>
              <Table.Td ta="right">
                {row.avgLatencyMs === null ? "—" : t("ms", { value: Math.round(row.avgLatencyMs) })}
              </Table.Td>
              <Table.Td ta="right">
                {ratio(row.suggestions.acceptance)}{" "}
                <Text span size="xs" c="dimmed">
                  {t("suggestions", {
                    used: row.suggestions.used,
                    edited: row.suggestions.edited,
                    discarded: row.suggestions.discarded,
                  })}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                {ratio(row.reviews.accuracy)}{" "}
                <Text span size="xs" c="dimmed">
                  {t("reviewed", { count: row.reviews.reviewed })}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
