"use client";

import { Alert, Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Switch, Text, Title } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import {
  analyticsComparisons,
  analyticsPeriods,
  type AnalyticsComparison,
  type AnalyticsDashboardOutput,
} from "~/shared/schemas/analytics";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { downloadMetricsCsv } from "./download-metrics-csv";
import { BreakdownTable } from "./breakdown-table";
import { StatCard } from "./stat-card";
import { VolumeChart } from "./volume-chart";
import { inboxDrillDownHref } from "../../inbox/_components/filters-url";

type Period = (typeof analyticsPeriods)[number];
type Totals = AnalyticsDashboardOutput["current"];

const cards: { key: keyof Totals; duration: boolean }[] = [
  { key: "inbound", duration: false },
  { key: "outbound", duration: false },
  { key: "firstResponseP50", duration: true },
  { key: "firstResponseP90", duration: true },
  { key: "resolutionP50", duration: true },
  { key: "resolutionP90", duration: true },
  { key: "resolved", duration: false },
  { key: "reopened", duration: false },
];

/** `/metrics`: this period against the previous one, volume per day and per number, in the organization's days. */
export function MetricsView() {
  const { messageOf } = useErrorWording();
  const t = useTranslations("metrics");
  const tEmpty = useTranslations("empty");
  const tCsv = useTranslations("metrics.csv");
  const locale = useLocale();
  const trpc = useTRPC();
  const [period, setPeriod] = useState<Period>(7);
  const [compareWith, setCompareWith] = useState<AnalyticsComparison>("previous");
  const [businessHours, setBusinessHours] = useState(false);
  const dashboard = useQuery({
    ...trpc.analytics.dashboard.queryOptions({ periodDays: period, businessHours }),
    staleTime: 30_000,
    placeholderData: (previous) => previous,
  });
  const data = dashboard.data;
  const empty = data && data.days.every((d) => d.inbound === 0 && d.outbound === 0) && data.previous.inbound === 0;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t("title")}</Title>
        <Group>
          <Button component={Link} href="/metrics/reports" variant="light" data-testid="metrics-saved-reports">
            {t("savedReports")}
          </Button>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            disabled={!data}
            onClick={() => data && downloadMetricsCsv(data, tCsv)}
            data-testid="metrics-export"
          >
            {t("exportCsv")}
          </Button>
          <SegmentedControl
            aria-label={t("period")}
            data-testid="metrics-period"
            value={String(period)}
            onChange={(value) => setPeriod(Number(value) as Period)}
            data={analyticsPeriods.map((days) => ({ value: String(days), label: t("days", { days }) }))}
          />
        </Group>
      </Group>
      {dashboard.error && <Alert color="red">{messageOf(dashboard.error, t("loadError"))}</Alert>}
      {data && (
        <Text c="dimmed" size="sm">
          {t("timezoneNote", { timezone: data.timezone, days: data.periodDays })}
        </Text>
      )}
      {data && (
        <Group gap="xs">
          <Text size="sm">{t("compareWith")}</Text>
          <SegmentedControl
            size="xs"
            aria-label={t("compareWith")}
            data-testid="metrics-compare"
            value={compareWith}
            onChange={(value) => setCompareWith(value as AnalyticsComparison)}
            data={analyticsComparisons.map((kind) => ({ value: kind, label: t(`comparisons.${kind}`) }))}
          />
          <Text size="sm" c="dimmed" data-testid="metrics-compare-range">
            {t("comparisonRange", compareWith === "lastYear" ? data.lastYearPeriod : data.previousPeriod)}
          </Text>
          {/* First response and resolution percentiles from the business-hours buckets (the organization's hours). */}
          <Switch
            ml="md"
            size="sm"
            label={t("businessHoursOnly")}
            data-testid="metrics-business-hours"
            checked={businessHours}
            onChange={(event) => setBusinessHours(event.currentTarget.checked)}
          />
        </Group>
      )}
      {empty && (
        <Paper withBorder p="xl" data-testid="empty-metrics">
          <Stack align="center" ta="center">
            <Title order={3}>{tEmpty("metrics.title")}</Title>
            <Text c="dimmed">{tEmpty("metrics.body")}</Text>
          </Stack>
        </Paper>
      )}
      {data && !empty && (
        <>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} data-testid="metrics-cards">
            {cards.map(({ key, duration }) => (
              <StatCard
                key={key}
                testId={`metric-${key}`}
                label={t(`cards.${key}`)}
                current={data.current[key]}
                previous={(compareWith === "lastYear" ? data.lastYear : data.previous)[key]}
                deltaLabel={t(`deltaLabels.${compareWith}`)}
                duration={duration}
                locale={locale}
              />
            ))}
          </SimpleGrid>
          <VolumeChart days={data.days} locale={locale} />
          <BreakdownTable
            title={t("byNumber.title")}
            testId="metrics-number"
            nameLabel={t("byNumber.number")}
            rows={data.instances.map((row) => ({ ...row, id: row.instanceId }))}
            drillHref={(instanceId) => inboxDrillDownHref({ instanceId, fromDay: data.from, toDay: data.to })}
            columns={[
              { key: "inbound", label: t("byNumber.inbound") },
              { key: "outbound", label: t("byNumber.outbound") },
              { key: "firstResponseP50", label: t("byNumber.firstResponseP50"), duration: true },
              { key: "resolved", label: t("byNumber.resolved") },
            ]}
            locale={locale}
          />
          <BreakdownTable
            title={t("byMember.title")}
            testId="metrics-member"
            nameLabel={t("byMember.member")}
            rows={data.members.map((row) => ({ ...row, id: row.memberId }))}
            drillHref={(assignee) => inboxDrillDownHref({ assignee, fromDay: data.from, toDay: data.to })}
            columns={[
              { key: "outbound", label: t("byMember.outbound") },
              { key: "firstResponses", label: t("byMember.firstResponses") },
              { key: "firstResponseP50", label: t("byMember.firstResponseP50"), duration: true },
              { key: "resolved", label: t("byMember.resolved") },
              { key: "assigned", label: t("byMember.assigned") },
            ]}
            locale={locale}
          />
        </>
      )}
    </Stack>
  );
}
