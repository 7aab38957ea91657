"use client";

import { Alert, Button, Code, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

/** Runs the chosen version (a draft too) on a conversation and shows the answer, tokens, cost and latency. */
export function PromptPlayground({ version, currency }: { version: { id: string; number: number }; currency: string }) {
  const t = useTranslations("ai.prompts.playground");
  const { messageOf } = useErrorWording();
  const locale = useLocale();
  const trpc = useTRPC();
  const [conversationId, setConversationId] = useState<string | null>(null);
  const conversations = useQuery(trpc.conversations.list.queryOptions({ limit: 30 }));
  const run = useMutation(trpc.aiPrompts.playground.mutationOptions());
  const money = new Intl.NumberFormat(locale, { style: "currency", currency, maximumFractionDigits: 6 });
  const number = new Intl.NumberFormat(locale);

  return (
    <Paper withBorder p="md" data-testid="prompt-playground">
      <Title order={4}>{t("title", { number: version.number })}</Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t("hint")}
      </Text>
      <Stack gap="xs">
        <Group align="flex-end">
          <Select
            label={t("conversation")}
            placeholder={t("choose")}
            searchable
            data={(conversations.data?.items ?? []).map((c) => ({
              value: c.id,
              label: `${c.title ?? c.phone ?? c.untitledGroup ?? c.id.slice(0, 8)} · ${c.instance.name}`,
            }))}
            value={conversationId}
            onChange={setConversationId}
            data-testid="playground-conversation"
          />
          <Button
            disabled={!conversationId}
            loading={run.isPending}
            onClick={() => conversationId && run.mutate({ versionId: version.id, conversationId })}
            data-testid="playground-run"
          >
            {t("run")}
          </Button>
        </Group>
        {run.error && <Alert color="red">{messageOf(run.error, t("error"))}</Alert>}
        {run.data && (
          <Stack gap="xs" data-testid="playground-result">
            <Code block style={{ whiteSpace: "pre-wrap" }} data-prompt-text>
              {run.data.output}
            </Code>
            <SimpleGrid cols={{ base: 2, md: 4 }}>
              <Figure name={t("tokensIn")} value={number.format(run.data.tokensIn)} />
              <Figure name={t("tokensOut")} value={number.format(run.data.tokensOut)} />
              <Figure name={t("cost")} value={money.format(run.data.cost)} />
              <Figure name={t("latency")} value={t("ms", { value: run.data.latencyMs })} />
            </SimpleGrid>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function Figure({ name, value }: { name: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {name}
      </Text>
      <Text fw={600}>{value}</Text>
    </Stack>
  );
}
