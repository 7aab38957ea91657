"use client";

import { Group, Paper, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useTRPC } from "~/trpc/react";

/** How often agents send the composer's suggestions as they are, or edited. */
export function SuggestionStats({ days }: { days: 7 | 30 }) {
  const t = useTranslations("ai.suggestions");
  const trpc = useTRPC();
  const locale = useLocale();
  const stats = useQuery(trpc.aiReplies.suggestionStats.queryOptions({ days }));
  if (!stats.data) return null;
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const { used, edited, discarded, acceptanceRate } = stats.data;
  return (
    <Paper withBorder p="md" data-testid="ai-suggestion-stats">
      <Title order={4}>{t("title")}</Title>
      <Group gap="lg" mt="xs">
        <Text size="xl" fw={700} data-testid="ai-acceptance-rate">
          {acceptanceRate === null ? "—" : percent.format(acceptanceRate)}
        </Text>
        <Text size="sm" c="dimmed">
          {t("counts", { used, edited, discarded })}
        </Text>
      </Group>
    </Paper>
  );
}
