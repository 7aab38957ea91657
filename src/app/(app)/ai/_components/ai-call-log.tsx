"use client";

import { Alert, Badge, Code, Drawer, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { aiCallFeatures, aiCallOutcomes } from "~/shared/schemas/ai";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

type Feature = (typeof aiCallFeatures)[number];
type Outcome = (typeof aiCallOutcomes)[number];

/** "Registros": every AI call (provider or local) filtered by feature, outcome, model and period; one opens in a drawer. */
export function AiCallLog({ currency }: { currency: string }) {
  const t = useTranslations("ai.calls");
  const { messageOf } = useErrorWording();
  const locale = useLocale();
  const trpc = useTRPC();
  const [feature, setFeature] = useState<Feature | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [model, setModel] = useState("");
  const [days, setDays] = useState("7");
  const [openId, setOpenId] = useState<string | null>(null);
  const calls = useQuery(
    trpc.ai.callLog.queryOptions({
      feature: feature ?? undefined,
      outcome: outcome ?? undefined,
      model: model.trim() || undefined,
      days: Number(days),
      limit: 100,
    }),
  );
  const detail = useQuery({ ...trpc.ai.callDetail.queryOptions({ callId: openId ?? "" }), enabled: openId !== null });
  const money = new Intl.NumberFormat(locale, { style: "currency", currency, maximumFractionDigits: 6 });
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "medium" });

  return (
    <Paper withBorder p="md" data-testid="ai-call-log">
      <Title order={4} mb="sm">
        {t("title")}
      </Title>
      <Group mb="sm" align="end">
        <Select
          label={t("feature")}
          clearable
          value={feature}
          onChange={(value) => setFeature(value as Feature | null)}
          data={aiCallFeatures.map((value) => ({ value, label: t(`features.${value}`) }))}
          data-testid="ai-calls-feature"
        />
        <Select
          label={t("outcome")}
          clearable
          value={outcome}
          onChange={(value) => setOutcome(value as Outcome | null)}
          data={aiCallOutcomes.map((value) => ({ value, label: t(`outcomes.${value}`) }))}
        />
        <TextInput label={t("model")} value={model} onChange={(event) => setModel(event.currentTarget.value)} />
        <Select
          label={t("period")}
          value={days}
          onChange={(value) => setDays(value ?? "7")}
          data={["1", "7", "30", "90"].map((value) => ({ value, label: t("days", { count: Number(value) }) }))}
        />
      </Group>
      {calls.error && <Alert color="red">{messageOf(calls.error, t("loadError"))}</Alert>}
      <Table highlightOnHover data-testid="ai-calls">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("when")}</Table.Th>
            <Table.Th>{t("feature")}</Table.Th>
            <Table.Th>{t("model")}</Table.Th>
            <Table.Th ta="right">{t("tokens")}</Table.Th>
            <Table.Th ta="right">{t("cost")}</Table.Th>
            <Table.Th ta="right">{t("latency")}</Table.Th>
            <Table.Th>{t("outcome")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {calls.data?.calls.map((call) => (
            <Table.Tr
              key={call.id}
              onClick={() => setOpenId(call.id)}
              style={{ cursor: "pointer" }}
              data-call-id={call.id}
            >
              <Table.Td>{when.format(call.createdAt)}</Table.Td>
              <Table.Td>{t(`features.${call.feature as Feature}`)}</Table.Td>
              <Table.Td>
                {call.model}
                {call.engine === "local" && (
                  <Badge ml={6} size="xs" variant="light" color="gray">
                    {t("local")}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td ta="right">
                {call.tokensIn} / {call.tokensOut}
              </Table.Td>
              <Table.Td ta="right">{money.format(call.cost)}</Table.Td>
              <Table.Td ta="right">{t("ms", { ms: call.latencyMs })}</Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={call.outcome === "ok" ? "teal" : "red"}>
                  {t(`outcomes.${call.outcome as Outcome}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {calls.data && !calls.data.calls.length && (
        <Text size="sm" c="dimmed" mt="sm">
          {t("empty")}
        </Text>
      )}
      <Drawer opened={openId !== null} onClose={() => setOpenId(null)} position="right" size="lg" title={t("detail")}>
        {detail.data && (
          <Stack gap="xs" data-testid="ai-call-detail">
            <Text size="sm">
              {t(`features.${detail.data.feature as Feature}`)} · {detail.data.model} · {detail.data.promptVersion}
            </Text>
            {detail.data.providerHost && <Text size="sm">{detail.data.providerHost}</Text>}
            {detail.data.errorCode && (
              <Text size="sm" c="red">
                {detail.data.errorCode}
              </Text>
            )}
            <Text size="sm" fw={600}>
              {t("input")}
            </Text>
            <Code block data-testid="ai-call-input">
              {JSON.stringify(detail.data.input, null, 2)}
            </Code>
          </Stack>
        )}
      </Drawer>
    </Paper>
  );
}
