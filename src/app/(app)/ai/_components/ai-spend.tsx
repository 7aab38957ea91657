"use client";

import { Alert, Group, Paper, Progress, Text, Title } from "@mantine/core";
import { useLocale, useTranslations } from "next-intl";
import type { RouterOutputs } from "~/trpc/types";

/** This month's AI spend against the budget, with the 80% and 100% notices. */
export function AiSpend({ settings }: { settings: RouterOutputs["ai"]["settings"] }) {
  const t = useTranslations("ai.spend");
  const locale = useLocale();
  const money = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: settings.currency,
    maximumFractionDigits: 4,
  });
  const { spend, monthlyBudget } = settings;
  const percent = spend.ratio === null ? null : Math.min(100, Math.round(spend.ratio * 100));
  return (
    <Paper withBorder p="md" data-testid="ai-spend">
      <Group justify="space-between">
        <Title order={4}>{t("title", { month: spend.month })}</Title>
        <Text fw={600} data-testid="ai-spend-value">
          {monthlyBudget === null
            ? t("noBudget", { spent: money.format(spend.spent) })
            : t("ofBudget", { spent: money.format(spend.spent), budget: money.format(monthlyBudget) })}
        </Text>
      </Group>
      {percent !== null && (
        <Progress mt="xs" value={percent} color={spend.exhausted ? "red" : spend.alert ? "orange" : "teal"} />
      )}
      {spend.exhausted ? (
        <Alert mt="sm" color="red" data-testid="ai-budget-exhausted">
          {t("exhausted")}
        </Alert>
      ) : (
        spend.alert && (
          <Alert mt="sm" color="orange" data-testid="ai-budget-alert">
            {t("alert", { percent: percent ?? 0 })}
          </Alert>
        )
      )}
      {settings.providerModelPriced === false && (
        <Text size="xs" c="dimmed" mt="xs">
          {t("unpriced")}
        </Text>
      )}
    </Paper>
  );
}
