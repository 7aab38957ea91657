"use client";

import { Anchor, Group, Paper, Stack, Text, Timeline } from "@mantine/core";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { clockTime, dateTime, dayKey } from "~/shared/format/time";
import { useTimezone } from "../../../_components/use-timezone";
import { CampaignStatusBadge } from "./campaign-status-badge";
import { useWindowSummary } from "./schedule-summary";
import type { CampaignDto } from "./types";

/** Scheduled and running campaigns by start day, each with its sending window, in the organization's zone. */
export function CampaignAgenda({ campaigns }: { campaigns: (CampaignDto & { sent: number; recipients: number })[] }) {
  const t = useTranslations("campaigns.agenda");
  const locale = useLocale();
  const timeZone = useTimezone();
  const windowSummary = useWindowSummary();
  const upcoming = campaigns
    .filter((c) => c.status === "scheduled" || c.status === "running")
    .sort((a, b) => a.schedule.startAt.localeCompare(b.schedule.startAt));

  if (upcoming.length === 0)
    return (
      <Paper withBorder p="lg" data-testid="agenda-empty">
        <Text c="dimmed" ta="center">
          {t("empty")}
        </Text>
      </Paper>
    );

  const days = new Map<string, typeof upcoming>();
  for (const campaign of upcoming) {
    const key = dayKey(campaign.schedule.startAt, timeZone);
    days.set(key, [...(days.get(key) ?? []), campaign]);
  }
  const dayFormat = new Intl.DateTimeFormat(locale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone,
  });

  return (
    <Stack gap="xs" data-testid="campaign-agenda">
      <Text size="sm" c="dimmed">
        {t("timezone", { timeZone })}
      </Text>
      <Paper withBorder p="md">
        <Timeline bulletSize={16} lineWidth={2}>
          {[...days.values()].map((group) => (
            <Timeline.Item key={group[0]!.id} title={dayFormat.format(new Date(group[0]!.schedule.startAt))}>
              <Stack gap="sm" mt={4}>
                {group.map((campaign) => (
                  <Stack key={campaign.id} gap={2} data-testid="agenda-item" data-campaign-id={campaign.id}>
                    <Group gap="xs">
                      <Text size="sm" fw={600} ff="monospace">
                        {clockTime(campaign.schedule.startAt, timeZone, locale)}
                      </Text>
                      <Anchor component={Link} href={`/campaigns/${campaign.id}`} size="sm" fw={500}>
                        {campaign.name}
                      </Anchor>
                      <CampaignStatusBadge status={campaign.status} />
                    </Group>
                    <Text size="xs" c="dimmed">
                      {windowSummary(campaign.schedule)}
                    </Text>
                    {campaign.schedule.endAt && (
                      <Text size="xs" c="dimmed">
                        {t("until", { time: dateTime(campaign.schedule.endAt, timeZone, locale) })}
                      </Text>
                    )}
                  </Stack>
                ))}
              </Stack>
            </Timeline.Item>
          ))}
        </Timeline>
      </Paper>
    </Stack>
  );
}
