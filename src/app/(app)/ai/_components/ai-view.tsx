"use client";

import {
  Alert,
  Badge,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from "@mantine/core";
import { IconCpu } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { RouterOutputs } from "~/trpc/types";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { AutoReplySettings } from "./auto-reply-settings";
import { AiCallLog } from "./ai-call-log";
import { AiPrivacySettings } from "./ai-privacy-settings";
import { AiSpend } from "./ai-spend";
import { ConfusionMatrix } from "./confusion-matrix";
import { KnowledgeBase } from "./knowledge-base";
import { LocalEngineBenchmark } from "./local-engine-benchmark";
import { SuggestionStats } from "./suggestion-stats";
import { ProviderSettings } from "./provider-settings";
import { PromptVersions } from "./prompt-versions";
import { ModelAccuracy } from "./model-accuracy";
import { useLabelName } from "./use-label-name";

/** `/ai`: the engine in use, what it found over a period and how often agents agreed with it. */
export function AiView({ isAdmin }: { isAdmin: boolean }) {
  const { messageOf } = useErrorWording();
  const t = useTranslations("ai");
  const trpc = useTRPC();
  const [days, setDays] = useState<7 | 30>(7);
  const overview = useQuery(trpc.ai.overview.queryOptions({ days }));
  const settings = useQuery(trpc.ai.settings.queryOptions());
  const provider = useQuery({ ...trpc.ai.provider.queryOptions(), enabled: isAdmin });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t("title")}</Title>
        <SegmentedControl
          aria-label={t("period.label")}
          value={String(days)}
          onChange={(value) => setDays(value === "30" ? 30 : 7)}
          data={[
            { value: "7", label: t("period.7") },
            { value: "30", label: t("period.30") },
          ]}
          data-testid="ai-period"
        />
      </Group>
      <Tabs defaultValue="overview" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="overview">{t("tabs.overview")}</Tabs.Tab>
          {isAdmin && (
            <Tabs.Tab value="calls" data-testid="ai-tab-calls">
              {t("tabs.calls")}
            </Tabs.Tab>
          )}
          {isAdmin && (
            <Tabs.Tab value="prompts" data-testid="ai-tab-prompts">
              {t("tabs.prompts")}
            </Tabs.Tab>
          )}
          {isAdmin && (
            <Tabs.Tab value="settings" data-testid="ai-tab-settings">
              {t("tabs.settings")}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="overview">
          <Stack>
            {settings.data && <AiSpend settings={settings.data} />}
            {overview.error && <Alert color="red">{messageOf(overview.error, t("loadError"))}</Alert>}
            {overview.data && <Overview data={overview.data} />}
            <SuggestionStats days={days} />
            <KnowledgeBase isAdmin={isAdmin} />
            {isAdmin && <AutoReplySettings />}
            {isAdmin && <ProviderSettings />}
          </Stack>
        </Tabs.Panel>
        {isAdmin && settings.data && (
          <Tabs.Panel value="calls">
            <AiCallLog currency={settings.data.currency} />
          </Tabs.Panel>
        )}
        {isAdmin && settings.data && (
          <Tabs.Panel value="prompts">
            <PromptVersions currency={settings.data.currency} />
          </Tabs.Panel>
        )}
        {isAdmin && settings.data && (
          <Tabs.Panel value="settings">
            <Stack>
              <AiSpend settings={settings.data} />
              <AiPrivacySettings
                settings={settings.data}
                model={provider.data?.model ?? null}
                transcriptionModel={provider.data?.transcriptionModel ?? null}
              />
            </Stack>
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}

function Overview({ data }: { data: RouterOutputs["ai"]["overview"] }) {
  const t = useTranslations("ai");
  const tSentiment = useTranslations("ai.sentiments");
  const labelName = useLabelName();
  const locale = useLocale();
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const accuracy = (value: number | null) => (value === null ? "—" : percent.format(value));

  return (
    <>
      <Paper withBorder p="md" data-testid="ai-engine">
        <Group gap="sm">
          <IconCpu size={20} />
          <Text fw={600}>{t("engine.title")}:</Text>
          <Badge variant="light" color="teal" style={{ textTransform: "none" }} data-engine={data.engine.kind}>
            {data.engine.kind === "local" ? t("engine.local") : t("engine.provider", { model: data.engine.model })}
          </Badge>
          <Text size="xs" c="dimmed">
            {t("engine.version", { version: data.engine.version })}
          </Text>
        </Group>
        <Text size="sm" c="dimmed" mt={4}>
          {data.engine.kind === "local" ? t("engine.localHint") : t("engine.providerHint")}
        </Text>
        <LocalEngineBenchmark />
      </Paper>
      <Text data-testid="ai-total">{t("total", { count: data.total })}</Text>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <CountTable
          title={t("byLabel")}
          testId="ai-by-label"
          rows={[...data.byLabel]
            .sort((a, b) => b.count - a.count)
            .map((row) => ({ key: row.label ?? "", name: labelName(row.label), count: row.count }))}
        />
        <CountTable
          title={t("bySentiment")}
          testId="ai-by-sentiment"
          rows={data.bySentiment.map((row) => ({
            key: row.sentiment,
            name: tSentiment(row.sentiment),
            count: row.count,
          }))}
        />
        <Paper withBorder p="md">
          <Title order={4}>{t("accuracy.title")}</Title>
          <Text size="xs" c="dimmed" mb="xs">
            {t("accuracy.hint")}
          </Text>
          <Table data-testid="ai-accuracy">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("accuracy.label")}</Table.Th>
                <Table.Th ta="right">{t("accuracy.reviewed")}</Table.Th>
                <Table.Th ta="right">{t("accuracy.value")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr data-testid="ai-accuracy-overall">
                <Table.Td fw={600}>{t("accuracy.overall")}</Table.Td>
                <Table.Td ta="right">{number.format(data.overall.reviewed)}</Table.Td>
                <Table.Td ta="right" fw={600}>
                  {data.overall.reviewed ? accuracy(data.overall.accuracy) : t("accuracy.none")}
                </Table.Td>
              </Table.Tr>
              {data.labelAccuracy.map((row) => (
                <Table.Tr key={row.label ?? "none"} data-label={row.label ?? ""}>
                  <Table.Td>{labelName(row.label)}</Table.Td>
                  <Table.Td ta="right">{number.format(row.reviewed)}</Table.Td>
                  <Table.Td ta="right">{accuracy(row.accuracy)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      </SimpleGrid>
      <ConfusionMatrix cells={data.confusion} />
      <ModelAccuracy rows={data.modelAccuracy} />
    </>
  );
}

function CountTable(props: { title: string; testId: string; rows: { key: string; name: string; count: number }[] }) {
  const number = new Intl.NumberFormat(useLocale());
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        {props.title}
      </Title>
      <Table data-testid={props.testId}>
        <Table.Tbody>
          {props.rows.map((row) => (
            <Table.Tr key={row.key} data-key={row.key}>
              <Table.Td>{row.name}</Table.Td>
              <Table.Td ta="right">{number.format(row.count)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
