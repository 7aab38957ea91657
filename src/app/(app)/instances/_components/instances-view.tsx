"use client";

import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title, Tooltip } from "@mantine/core";
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
import { DataTable } from "../../../_components/data-table";

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
          <DataTable
            testId="instances-table"
            verticalSpacing="sm"
            highlightOnHover
            minWidth={820}
            rows={data.instances}
            rowKey={(instance) => instance.id}
            columns={[
              {
                key: "name",
                header: t("name"),
                cell: (instance) => (
                  <>
                    <Anchor component={Link} href={`/instances/${instance.id}`} fw={500}>
                      {instance.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {t(`purposes.${instance.purpose}`)}
                    </Text>
                  </>
                ),
              },
              {
                key: "status",
                header: "Status",
                cell: (instance) => (
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
                ),
              },
              {
                key: "phone",
                header: t("phone"),
                cellProps: (instance) => ({
                  style: { whiteSpace: "nowrap" },
                  "data-testid": `instance-phone-${instance.id}`,
                }),
                cell: (instance) => (instance.phoneNumber ? formatPhone(instance.phoneNumber) : "—"),
              },
              { key: "profile", header: t("profile"), cell: (instance) => instance.profileName ?? "—" },
              {
                key: "lastEvent",
                header: t("lastEvent"),
                cell: (instance) => (instance.lastEventAt ? format.relativeTime(instance.lastEventAt, now) : "—"),
              },
              {
                key: "uptime24h",
                header: t("uptime24h"),
                cellProps: (instance) => ({ "data-testid": `instance-uptime24h-${instance.id}` }),
                cell: (instance) => percent(instance.uptime24h),
              },
              { key: "uptime7d", header: t("uptime7d"), cell: (instance) => percent(instance.uptime7d) },
              {
                key: "actions",
                cell: (instance) =>
                  isAdmin &&
                  instance.state !== "open" && (
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => setPairing({ id: instance.id, name: instance.name })}
                      data-testid={`connect-${instance.id}`}
                    >
                      {t("reconnect")}
                    </Button>
                  ),
              },
            ]}
          />
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
