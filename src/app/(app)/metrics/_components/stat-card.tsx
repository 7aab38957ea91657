"use client";

import { Group, Paper, Text } from "@mantine/core";
import { useTranslations } from "next-intl";
import { formatDuration, relativeChange } from "./format-metric";

/** One number of the period, with its change against the previous period (durations: lower is better). */
export function StatCard(props: {
  testId: string;
  label: string;
  current: number | null;
  previous: number | null;
  duration: boolean;
  locale: string;
  /** What `previous` is ("vs. last year"); the previous period by default. */
  deltaLabel?: string;
}) {
  const t = useTranslations("metrics");
  const format = (value: number | null) =>
    value === null
      ? t("noValue")
      : props.duration
        ? formatDuration(props.locale, value)
        : new Intl.NumberFormat(props.locale).format(value);
  const change = relativeChange(props.current, props.previous);
  const better = change !== null && (props.duration ? change < 0 : change > 0);
  return (
    <Paper withBorder p="md" data-testid={props.testId}>
      <Text size="sm" c="dimmed">
        {props.label}
      </Text>
      <Text fz={28} fw={700} data-testid={`${props.testId}-value`}>
        {format(props.current)}
      </Text>
      <Group gap={6}>
        <Text size="sm" c={change === null || change === 0 ? "dimmed" : better ? "teal" : "red"} fw={500}>
          {change === null
            ? props.current !== null && props.current !== 0 && !props.previous
              ? t("deltaNew")
              : t("noValue")
            : new Intl.NumberFormat(props.locale, {
                style: "percent",
                signDisplay: "exceptZero",
                maximumFractionDigits: 1,
              }).format(change)}
        </Text>
        <Text size="xs" c="dimmed">
          {props.deltaLabel ?? t("deltaLabel")} ({format(props.previous)})
        </Text>
      </Group>
    </Paper>
  );
}
