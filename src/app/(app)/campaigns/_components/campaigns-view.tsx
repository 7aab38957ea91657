"use client";

import { Alert, Anchor, Button, Group, Paper, Stack, Table, Tabs, Text, Title } from "@mantine/core";
import { IconCalendarEvent, IconList, IconPlus } from "@tabler/icons-react";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useErrorWording } from "~/trpc/errors";
import { dateTime } from "~/shared/format/time";
import { TimezoneProvider, useTimezone } from "../../../_components/use-timezone";
import { CampaignAgenda } from "./campaign-agenda";
import { CampaignStatusBadge } from "./campaign-status-badge";
import { useCampaignList } from "./use-campaign-list";

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
              <Table.ScrollContainer minWidth={720}>
                <Table verticalSpacing="sm" highlightOnHover data-testid="campaigns-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("columns.name")}</Table.Th>
                      <Table.Th>{t("columns.status")}</Table.Th>
                      <Table.Th ta="right">{t("columns.recipients")}</Table.Th>
                      <Table.Th ta="right">{t("columns.sent")}</Table.Th>
                      <Table.Th>{t("columns.start")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {campaigns.map((campaign) => (
                      <Table.Tr key={campaign.id} data-testid="campaign-row" data-campaign-id={campaign.id}>
                        <Table.Td>
                          <Anchor component={Link} href={`/campaigns/${campaign.id}`} fw={500}>
                            {campaign.name}
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            {t(`legalBases.${campaign.legalBasis}`)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <CampaignStatusBadge status={campaign.status} pause={campaign.pause} />
                        </Table.Td>
                        <Table.Td ta="right">
                          {campaign.status === "draft" ? "—" : number.format(campaign.recipients)}
                        </Table.Td>
                        <Table.Td ta="right">
                          {campaign.status === "draft" ? "—" : number.format(campaign.sent)}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{dateTime(campaign.schedule.startAt, timeZone, locale)}</Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
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
