"use client";

import { Alert, Anchor, Button, Group, Paper, Stack, Tabs, Text, Title } from "@mantine/core";
import { IconCalendarEvent, IconList, IconPlus } from "@tabler/icons-react";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useErrorWording } from "~/trpc/errors";
import { dateTime } from "~/shared/format/time";
import { TimezoneProvider, useTimezone } from "../../../_components/use-timezone";
import { CampaignAgenda } from "./campaign-agenda";
import { CampaignStatusBadge } from "./campaign-status-badge";
import { useCampaignList } from "./use-campaign-list";
import { DataTable } from "../../../_components/data-table";

/** `/campaigns`: every campaign (newest first) and the agenda of those still to send. */
export function CampaignsView({ timezone, isAdmin }: { timezone: string; isAdmin: boolean }) {
  return (
    <TimezoneProvider value={timezone}>
      <CampaignList isAdmin={isAdmin} />
    </TimezoneProvider>
  );
}

function CampaignList({ isAdmin }: { isAdmin: boolean }) {
  const { messageOf } = useErrorWording();
  const t = useTranslations("campaigns");
  const tEmpty = useTranslations("empty");
  const locale = useLocale();
  const timeZone = useTimezone();
  const list = useCampaignList();
  const campaigns = list.data;
  const number = new Intl.NumberFormat(locale);

  const newCampaign = isAdmin && (
    <Button component={Link} href="/campaigns/new" leftSection={<IconPlus size={16} />} data-testid="new-campaign">
      {t("new")}
    </Button>
  );

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t("title")}</Title>
        {newCampaign}
      </Group>
      {!isAdmin && (
        <Text c="dimmed" size="sm">
          {t("readOnly")}
        </Text>
      )}
      {list.error && <Alert color="red">{messageOf(list.error, t("loadError"))}</Alert>}
      {campaigns && campaigns.length === 0 && (
        <Paper withBorder p="xl" data-testid="empty-campaigns">
          <Stack align="center" ta="center">
            <Title order={3}>{tEmpty("campaigns.title")}</Title>
            <Text c="dimmed" maw={480}>
              {tEmpty("campaigns.body")}
            </Text>
          </Stack>
        </Paper>
      )}
      {campaigns && campaigns.length > 0 && (
        <Tabs defaultValue="list" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="list" leftSection={<IconList size={16} />}>
              {t("tabs.list")}
            </Tabs.Tab>
            <Tabs.Tab value="agenda" leftSection={<IconCalendarEvent size={16} />} data-testid="agenda-tab">
              {t("tabs.agenda")}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="list" pt="md">
            <Paper withBorder>
              <DataTable
                testId="campaigns-table"
                verticalSpacing="sm"
                highlightOnHover
                minWidth={720}
                rows={campaigns}
                rowKey={(campaign) => campaign.id}
                rowProps={(campaign) => ({ "data-testid": "campaign-row", "data-campaign-id": campaign.id })}
                columns={[
                  {
                    key: "name",
                    header: t("columns.name"),
                    cell: (campaign) => (
                      <>
                        <Anchor component={Link} href={`/campaigns/${campaign.id}`} fw={500}>
                          {campaign.name}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {t(`legalBases.${campaign.legalBasis}`)}
                        </Text>
                      </>
                    ),
                  },
                  {
                    key: "status",
                    header: t("columns.status"),
                    cell: (campaign) => <CampaignStatusBadge status={campaign.status} pause={campaign.pause} />,
                  },
                  {
                    key: "recipients",
                    header: t("columns.recipients"),
                    align: "right",
                    cell: (campaign) => (campaign.status === "draft" ? "—" : number.format(campaign.recipients)),
                  },
                  {
                    key: "sent",
                    header: t("columns.sent"),
                    align: "right",
                    cell: (campaign) => (campaign.status === "draft" ? "—" : number.format(campaign.sent)),
                  },
                  {
                    key: "start",
                    header: t("columns.start"),
                    cell: (campaign) => <Text size="sm">{dateTime(campaign.schedule.startAt, timeZone, locale)}</Text>,
                  },
                ]}
              />
            </Paper>
          </Tabs.Panel>
          <Tabs.Panel value="agenda" pt="md">
            <CampaignAgenda campaigns={campaigns} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
