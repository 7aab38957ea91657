"use client";

import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title, Tooltip } from "@mantine/core";
import { IconAlertTriangle, IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useFormatter, useNow, useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";
import { formatPhone } from "../../../_components/format-phone";
import { useMyRole } from "../../../_components/use-my-role";
import { AddInstanceModal } from "./add-instance-modal";
import { QrModal } from "./qr-modal";
import { InstanceStatusBadge } from "../../../_components/instance-status-badge";
import { useInstanceEvents } from "./use-instance-events";

export function InstancesView({ alertMinutes }: { alertMinutes: number }) {
  const t = useTranslations("instances");
  const tEmpty = useTranslations("empty");
  const format = useFormatter();
  // Relative times tick with the clock, from the same "now" the server rendered with.
  const now = useNow({ updateInterval: 30_000 });
  const percent = (value: number | null) =>
    value === null ? "—" : format.number(value, { style: "percent", maximumFractionDigits: 1 });
  const trpc = useTRPC();
  const list = useQuery(trpc.instances.list.queryOptions());
  const [adding, setAdding] = useState(false);
  const [pairing, setPairing] = useState<{ id: string; name: string } | null>(null);
  useInstanceEvents();
  const { isAdmin } = useMyRole();
  const data = list.data;

  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="xs">
          <Title order={2}>{t("title")}</Title>
          {data?.evolution.isSimulator && (
            <Tooltip label={t("simulatorHint")}>
              <Badge variant="outline" color="grape" data-testid="simulator-badge">
                {t("simulator")}
              </Badge>
            </Tooltip>
          )}
        </Group>
        {isAdmin && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
            {t("add")}
          </Button>
        )}
      </Group>
      {data && data.evolution.circuit !== "closed" && (
        <Alert
          color={data.evolution.circuit === "open" ? "red" : "yellow"}
          icon={<IconAlertTriangle size={18} />}
          data-testid="evolution-circuit"
        >
          {data.evolution.circuit === "open" ? t("circuitOpen") : t("circuitHalfOpen")}
        </Alert>
      )}
      {data && data.instances.some((i) => i.alert) && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="instances-down-alert">
          {t("downAlert", { count: data.instances.filter((i) => i.alert).length, minutes: alertMinutes })}
        </Alert>
      )}
      {data && data.instances.length === 0 && (
        <Paper withBorder p="xl" data-testid="empty-instances">
          <Stack align="center" ta="center">
            <Title order={3}>{tEmpty("instances.title")}</Title>
            <Text c="dimmed">{tEmpty("instances.body")}</Text>
            {isAdmin && <Button onClick={() => setAdding(true)}>{t("add")}</Button>}
          </Stack>
        </Paper>
      )}
      {data && data.instances.length > 0 && (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={820}>
            <Table verticalSpacing="sm" highlightOnHover data-testid="instances-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("name")}</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>{t("phone")}</Table.Th>
                  <Table.Th>{t("profile")}</Table.Th>
                  <Table.Th>{t("lastEvent")}</Table.Th>
                  <Table.Th>{t("uptime24h")}</Table.Th>
                  <Table.Th>{t("uptime7d")}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.instances.map((instance) => (
                  <Table.Tr key={instance.id}>
                    <Table.Td>
                      <Anchor component={Link} href={`/instances/${instance.id}`} fw={500}>
                        {instance.name}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {t(`purposes.${instance.purpose}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <InstanceStatusBadge instanceId={instance.id} state={instance.state} />
                        {instance.alert && (
                          <Tooltip label={t("alert", { minutes: alertMinutes })}>
                            <IconAlertTriangle
                              size={16}
                              color="var(--mantine-color-red-6)"
                              data-testid={`instance-alert-${instance.id}`}
                            />
                          </Tooltip>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }} data-testid={`instance-phone-${instance.id}`}>
                      {instance.phoneNumber ? formatPhone(instance.phoneNumber) : "—"}
                    </Table.Td>
                    <Table.Td>{instance.profileName ?? "—"}</Table.Td>
                    <Table.Td>{instance.lastEventAt ? format.relativeTime(instance.lastEventAt, now) : "—"}</Table.Td>
                    <Table.Td data-testid={`instance-uptime24h-${instance.id}`}>{percent(instance.uptime24h)}</Table.Td>
                    <Table.Td>{percent(instance.uptime7d)}</Table.Td>
                    <Table.Td>
                      {isAdmin && instance.state !== "open" && (
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => setPairing({ id: instance.id, name: instance.name })}
                          data-testid={`connect-${instance.id}`}
                        >
                          {t("reconnect")}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <AddInstanceModal
        opened={adding}
        onClose={() => setAdding(false)}
        onCreated={(instance) => {
          setAdding(false);
          setPairing(instance);
        }}
      />
      {pairing && <QrModal instanceId={pairing.id} name={pairing.name} opened onClose={() => setPairing(null)} />}
    </Stack>
  );
}
