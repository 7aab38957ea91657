"use client";

import { Group, Paper, Progress, SimpleGrid, Stack, Text, Tooltip } from "@mantine/core";
import { useLocale, useTranslations } from "next-intl";
import type { CampaignReport } from "./types";

type Funnel = CampaignReport["funnel"];

const stages = [
  { key: "queued", testId: "funnel-queued", color: "gray" },
  { key: "sent", testId: "funnel-sent", color: "blue" },
  { key: "delivered", testId: "funnel-delivered", color: "cyan" },
  { key: "read", testId: "funnel-read", color: "teal" },
  { key: "replied", testId: "funnel-replied", color: "green" },
] as const;

const outcomes = [
  { key: "optedOut", testId: "funnel-opted-out", color: "orange" },
  { key: "failed", testId: "funnel-failed", color: "red" },
  { key: "skipped", testId: "funnel-skipped", color: "gray" },
  { key: "unknown", testId: "funnel-unknown", color: "yellow" },
] as const;

/** Na fila → Enviadas → Entregues → Lidas → Respondidas, then what went otherwise; shares of the recipients. */
export function CampaignFunnel({ funnel }: { funnel: Funnel }) {
  const t = useTranslations("campaigns.funnel");
  const locale = useLocale();
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const recipients = Math.max(funnel.audience - funnel.excluded, 0);
  const share = (value: number) => (recipients ? value / recipients : 0);
  const done = funnel.sent + funnel.failed + funnel.skipped + funnel.unknown;

  return (
    <Stack gap="md" data-testid="campaign-funnel">
      <Stack gap={4}>
        <Group justify="space-between">
          <Text size="sm" fw={600}>
            {t("progress", { done, total: recipients })}
          </Text>
          <Text size="sm" c="dimmed">
            {percent.format(share(done))}
          </Text>
        </Group>
        <Progress.Root size="lg" aria-label={t("progressLabel")}>
          {(
            [
              ["sent", funnel.sent, "blue"],
              ["failed", funnel.failed, "red"],
              ["unknown", funnel.unknown, "yellow"],
              ["skipped", funnel.skipped, "gray"],
            ] as const
          ).map(([key, value, color]) =>
            value > 0 ? (
              <Tooltip key={key} label={`${t(key)}: ${number.format(value)}`}>
                <Progress.Section value={share(value) * 100} color={color} />
              </Tooltip>
            ) : null,
          )}
        </Progress.Root>
      </Stack>
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        {stages.map((stage) => (
          <Counter
            key={stage.key}
            label={t(stage.key)}
            value={funnel[stage.key]}
            share={stage.key === "queued" ? null : share(funnel[stage.key])}
            color={stage.color}
            testId={stage.testId}
            number={number}
            percent={percent}
          />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        {outcomes.map((outcome) => (
          <Counter
            key={outcome.key}
            label={t(outcome.key)}
            value={funnel[outcome.key]}
            share={share(funnel[outcome.key])}
            color={outcome.color}
            testId={outcome.testId}
            number={number}
            percent={percent}
            small
          />
        ))}
        <Counter
          label={t("excluded")}
          value={funnel.excluded}
          share={null}
          color="gray"
          testId="funnel-excluded"
          number={number}
          percent={percent}
          small
        />
      </SimpleGrid>
    </Stack>
  );
}

function Counter(props: {
  label: string;
  value: number;
  share: number | null;
  color: string;
  testId: string;
  number: Intl.NumberFormat;
  percent: Intl.NumberFormat;
  small?: boolean;
}) {
  return (
    <Paper withBorder p="sm">
      <Stack gap={4}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {props.label}
        </Text>
        <Group gap={6} align="baseline">
          <Text fz={props.small ? 20 : 28} fw={700} lh={1} data-testid={props.testId} data-value={props.value}>
            {props.number.format(props.value)}
          </Text>
          {props.share !== null && (
            <Text size="xs" c="dimmed">
              {props.percent.format(props.share)}
            </Text>
          )}
        </Group>
        {!props.small && props.share !== null && (
          <Progress value={props.share * 100} color={props.color} size="sm" aria-label={props.label} />
        )}
      </Stack>
    </Paper>
  );
}
