"use client";

import { Alert, Anchor, Button, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconClock, IconDownload, IconPencil } from "@tabler/icons-react";
import { useFormatter, useLocale, useNow, useTranslations } from "next-intl";
import Link from "next/link";
import { useErrorWording } from "~/trpc/errors";
import { dateTime } from "~/shared/format/time";
import { TimezoneProvider } from "../../../_components/use-timezone";
import { InstanceStatusBadge } from "../../../_components/instance-status-badge";
import { CampaignControls } from "./campaign-controls";
import { CampaignFunnel } from "./campaign-funnel";
import { CampaignStatusBadge } from "./campaign-status-badge";
import { ReasonLabel } from "./reason-label";
import { useWindowSummary } from "./schedule-summary";
import type { CampaignReport } from "./types";
import { useCampaignReport } from "./use-campaign-report";
import { variantLetter } from "./variant-editor";
import { DataTable } from "../../../_components/data-table";

type InstanceState = Parameters<typeof InstanceStatusBadge>[0]["state"];

/** `/campaigns/<id>`: status, controls and the live funnel, per number and per variant. */
export function CampaignDetail(props: { campaignId: string; timezone: string; isAdmin: boolean }) {
  return (
    <TimezoneProvider value={props.timezone}>
      <CampaignPage {...props} />
    </TimezoneProvider>
  );
}

function CampaignPage({ campaignId, timezone, isAdmin }: { campaignId: string; timezone: string; isAdmin: boolean }) {
  const { messageOf } = useErrorWording();
  const t = useTranslations("campaigns");
  const tPause = useTranslations("campaigns.pause");
  const locale = useLocale();
  const format = useFormatter();
  const now = useNow({ updateInterval: 30_000 });
  const number = new Intl.NumberFormat(locale);
  const report = useCampaignReport(campaignId);
  const windowSummary = useWindowSummary();
  const data = report.data;

  const back = (
    <Anchor component={Link} href="/campaigns" size="sm">
      ← {t("backToList")}
    </Anchor>
  );
  if (report.error)
    return (
      <Stack>
        {back}
        <Alert color="red">{messageOf(report.error, t("loadError"))}</Alert>
      </Stack>
    );
  if (!data) return <Loader />;
  const { campaign } = data;
  const launched = campaign.status !== "draft";
  const startsLater = new Date(campaign.schedule.startAt) > now;

  return (
    <Stack data-testid="campaign-page" data-campaign-id={campaign.id}>
      {back}
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2}>{campaign.name}</Title>
            <CampaignStatusBadge status={campaign.status} pause={campaign.pause} size="lg" testId="campaign-status" />
          </Group>
          <Text size="sm" c="dimmed">
            {[
              t(`legalBases.${campaign.legalBasis}`),
              campaign.launchedAt
                ? t("detail.launchedAt", { time: dateTime(campaign.launchedAt, timezone, locale) })
                : t("detail.createdAt", { time: dateTime(campaign.createdAt, timezone, locale) }),
              campaign.completedAt &&
                t("detail.completedAt", { time: dateTime(campaign.completedAt, timezone, locale) }),
            ]
              .filter(Boolean)
              .join(" · ")}
          </Text>
        </Stack>
        <Group gap="xs">
          {isAdmin && campaign.status === "draft" && (
            <Button
              component={Link}
              href={`/campaigns/${campaign.id}/edit`}
              leftSection={<IconPencil size={16} />}
              data-testid="edit-campaign"
            >
              {t("detail.edit")}
            </Button>
          )}
          {isAdmin && <CampaignControls campaignId={campaign.id} name={campaign.name} status={campaign.status} />}
          {launched && (
            <Button
              component="a"
              href={`/api/campaigns/${campaign.id}/report`}
              download
              variant="default"
              leftSection={<IconDownload size={16} />}
              data-testid="download-report"
            >
              {t("detail.download")}
            </Button>
          )}
        </Group>
      </Group>

      {campaign.status === "paused" && (
        <Alert
          color="yellow"
          icon={<IconAlertTriangle size={18} />}
          title={t("detail.pausedTitle")}
          data-testid="pause-reason"
        >
          {campaign.pause ? tPause(campaign.pause.reason, campaign.pause.params) : t("detail.pausedByPerson")}
        </Alert>
      )}
      {campaign.status === "draft" && <Alert color="gray">{t("detail.draft")}</Alert>}
      {(campaign.status === "scheduled" || campaign.status === "running") && startsLater && (
        <Alert color="blue" icon={<IconClock size={18} />}>
          {t("detail.scheduled", { time: dateTime(campaign.schedule.startAt, timezone, locale) })}
        </Alert>
      )}

      {launched && (
        <Paper withBorder p="md">
          <Stack gap="md">
            <Group justify="space-between">
              <Title order={4}>{t("detail.funnel")}</Title>
              {data.eta && (
                <Text size="sm" c="dimmed" data-testid="campaign-eta">
                  {t("detail.eta", {
                    time: dateTime(data.eta, timezone, locale),
                    relative: format.relativeTime(new Date(data.eta), now),
                  })}
                </Text>
              )}
            </Group>
            <CampaignFunnel funnel={data.funnel} />
          </Stack>
        </Paper>
      )}

      {launched && (
        <PerInstance
          rows={data.perInstance}
          unassigned={Math.max(data.funnel.queued - data.perInstance.reduce((sum, row) => sum + row.pending, 0), 0)}
        />
      )}
      {launched && <PerVariant rows={data.perVariant} variants={campaign.variants.length} />}

      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {launched && <Exclusions rows={data.exclusions} />}
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Title order={4}>{t("detail.setup")}</Title>
            <Text size="sm">{windowSummary(campaign.schedule)}</Text>
            <Text size="sm" c="dimmed">
              {t("detail.startsAt", { time: dateTime(campaign.schedule.startAt, timezone, locale) })}
              {campaign.schedule.endAt &&
                ` · ${t("detail.endsAt", { time: dateTime(campaign.schedule.endAt, timezone, locale) })}`}
            </Text>
            <Text size="sm" c="dimmed">
              {t("review.limits", {
                perMinute: number.format(campaign.limits.perMinute),
                perHour: number.format(campaign.limits.perHour),
                perDay: number.format(campaign.limits.perDay),
                min: campaign.limits.minIntervalSeconds,
                max: campaign.limits.maxIntervalSeconds,
              })}
            </Text>
            {campaign.variants.map((variant, index) => (
              <Paper key={index} p="xs" bg="var(--mantine-color-default-hover)">
                {campaign.variants.length > 1 && (
                  <Text size="xs" fw={600}>
                    {t("message.variant", { letter: variantLetter(index) })}
                  </Text>
                )}
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                  {variant.body}
                </Text>
                {variant.media && (
                  <Text size="xs" c="dimmed">
                    + {variant.media.fileName}
                  </Text>
                )}
              </Paper>
            ))}
          </Stack>
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}

/** Sends per number; a queued send gets its number when it is claimed, so some may have none yet. */
function PerInstance({ rows, unassigned }: { rows: CampaignReport["perInstance"]; unassigned: number }) {
  const t = useTranslations("campaigns.detail");
  const locale = useLocale();
  const number = new Intl.NumberFormat(locale);
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {t("perInstance")}
      </Title>
      <DataTable
        testId="campaign-instances-table"
        verticalSpacing={6}
        minWidth={520}
        rows={rows}
        rowKey={(row) => row.instanceId}
        rowProps={() => ({ "data-testid": "campaign-instance-row" })}
        columns={[
          { key: "number", header: t("number"), cell: (row) => row.name },
          {
            key: "state",
            header: t("state"),
            cell: (row) => <InstanceStatusBadge instanceId={row.instanceId} state={row.state as InstanceState} />,
          },
          { key: "sent", header: t("sent"), align: "right", cell: (row) => number.format(row.sent) },
          { key: "pending", header: t("pending"), align: "right", cell: (row) => number.format(row.pending) },
          {
            key: "failed",
            header: t("failed"),
            align: "right",
            cellProps: (row) => ({ c: row.failed ? "red" : undefined }),
            cell: (row) => number.format(row.failed),
          },
        ]}
      />
      {unassigned > 0 && (
        <Text size="xs" c="dimmed" mt="xs">
          {t("unassigned", { count: unassigned })}
        </Text>
      )}
    </Paper>
  );
}

function PerVariant({ rows, variants }: { rows: CampaignReport["perVariant"]; variants: number }) {
  const t = useTranslations("campaigns.detail");
  const locale = useLocale();
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const of = (value: number, sent: number) => (sent ? percent.format(value / sent) : "—");
  const all = Array.from({ length: variants }, (_, variant) => ({
    variant,
    sent: 0,
    delivered: 0,
    read: 0,
    replied: 0,
    optedOut: 0,
    ...rows.find((row) => row.variant === variant),
  }));
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {t("perVariant")}
      </Title>
      <DataTable
        testId="campaign-variants-table"
        verticalSpacing={6}
        minWidth={560}
        rows={all}
        rowKey={(row) => String(row.variant)}
        rowProps={() => ({ "data-testid": "campaign-variant-row" })}
        columns={[
          {
            key: "variant",
            header: t("variant"),
            cellProps: () => ({ fw: 600 }),
            cell: (row) => variantLetter(row.variant),
          },
          { key: "sent", header: t("sent"), align: "right", cell: (row) => number.format(row.sent) },
          ...(["delivered", "read", "replied", "optedOut"] as const).map((key) => ({
            key,
            header: t(`${key}Rate`),
            align: "right" as const,
            cell: (row: (typeof all)[number]) => of(row[key], row.sent),
          })),
        ]}
      />
    </Paper>
  );
}

function Exclusions({ rows }: { rows: CampaignReport["exclusions"] }) {
  const t = useTranslations("campaigns.detail");
  const locale = useLocale();
  const number = new Intl.NumberFormat(locale);
  const sorted = [...rows].sort((a, b) => b.count - a.count);
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {t("exclusions")}
      </Title>
      {sorted.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("noExclusions")}
        </Text>
      ) : (
        <Table verticalSpacing={4} withRowBorders={false} data-testid="campaign-exclusions">
          <Table.Tbody>
            {sorted.map((row) => (
              <Table.Tr key={row.reason} data-testid="campaign-exclusion" data-reason={row.reason}>
                <Table.Td>
                  <ReasonLabel reason={row.reason} />
                </Table.Td>
                <Table.Td ta="right" fw={600}>
                  {number.format(row.count)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
