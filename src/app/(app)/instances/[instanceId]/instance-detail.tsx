"use client";

import { Alert, Anchor, Button, Group, Modal, Paper, Stack, Text, Timeline, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useFormatter, useNow, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { isDisconnectReason } from "~/shared/instance-reasons";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { formatPhone } from "../../../_components/format-phone";
import { useMyRole } from "../../../_components/use-my-role";
import { QrModal } from "../_components/qr-modal";
import { InstanceStatusBadge } from "../../../_components/instance-status-badge";
import { useInstanceEvents } from "../_components/use-instance-events";

type Action = "restart" | "logout" | "delete";
const confirmKey = { restart: "confirmRestart", logout: "confirmLogout", delete: "confirmDelete" } as const;

export function InstanceDetail({ instanceId }: { instanceId: string }) {
  const { messageOf, wordReason } = useErrorWording();
  const t = useTranslations("instances");
  const format = useFormatter();
  const now = useNow({ updateInterval: 1_000 });
  const trpc = useTRPC();
  const router = useRouter();
  const instance = useQuery(trpc.instances.get.queryOptions({ instanceId }));
  const [confirming, setConfirming] = useState<Action | null>(null);
  const [pairing, setPairing] = useState(false);
  useInstanceEvents();
  const action = useMutation(
    trpc.instances.action.mutationOptions({
      onSuccess: async (_result, variables) => {
        setConfirming(null);
        if (variables.action === "delete") router.replace("/instances");
        else await instance.refetch();
      },
      onError: (error) => notifications.show({ color: "red", message: messageOf(error, "") }),
    }),
  );
  const { isAdmin } = useMyRole();
  const data = instance.data;
  if (instance.error) return <Alert color="red">{messageOf(instance.error, "")}</Alert>;
  if (!data) return null;

  return (
    <Stack>
      <Anchor component={Link} href="/instances" size="sm">
        ← {t("back")}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2}>{data.name}</Title>
            <InstanceStatusBadge instanceId={data.id} state={data.state} />
          </Group>
          <Text c="dimmed">
            {[data.phoneNumber && formatPhone(data.phoneNumber), data.profileName, t(`purposes.${data.purpose}`)]
              .filter(Boolean)
              .join(" · ")}
          </Text>
          {data.description && <Text size="sm">{data.description}</Text>}
          {data.downSince && (
            <Text size="sm" c="red">
              {t("downSince", { time: format.dateTime(data.downSince, { dateStyle: "short", timeStyle: "medium" }) })}
            </Text>
          )}
          {data.nextReconnectAt && data.state !== "open" && (
            <Text size="sm" c="dimmed">
              {t("nextReconnect", { time: format.relativeTime(data.nextReconnectAt, now) })}
            </Text>
          )}
        </Stack>
        {isAdmin && (
          <Group gap="xs">
            {data.state !== "open" && (
              <Button onClick={() => setPairing(true)} data-testid="action-reconnect">
                {t("reconnect")}
              </Button>
            )}
            <Button variant="default" onClick={() => setConfirming("restart")} data-testid="action-restart">
              {t("restart")}
            </Button>
            <Button
              variant="default"
              color="orange"
              onClick={() => setConfirming("logout")}
              data-testid="action-logout"
            >
              {t("logout")}
            </Button>
            <Button variant="light" color="red" onClick={() => setConfirming("delete")} data-testid="action-delete">
              {t("delete")}
            </Button>
          </Group>
        )}
      </Group>
      <Paper withBorder p="md">
        <Title order={4} mb="md">
          {t("timeline")}
        </Title>
        <Timeline bulletSize={14} lineWidth={2} data-testid="instance-timeline">
          {data.timeline.map((entry) => (
            <Timeline.Item
              key={entry.id}
              title={`${t(`kinds.${entry.kind}` as "kinds.connection")}${entry.state ? ` — ${t(`states.${entry.state}` as "states.open")}` : ""}`}
              color={entry.state === "open" ? "teal" : entry.state === "close" ? "red" : "gray"}
            >
              {entry.statusReason !== null && (
                <Text size="sm" data-testid="timeline-reason">
                  {t(`disconnect.${isDisconnectReason(entry.statusReason) ? entry.statusReason : "unknown"}`)}
                </Text>
              )}
              {entry.detail && (
                <Text size="sm" c="dimmed" data-testid="timeline-detail">
                  {t(`timelineDetail.${entry.detail.code}`, {
                    ...entry.detail.params,
                    cause:
                      typeof entry.detail.params?.reason === "string" ? wordReason(entry.detail.params.reason) : "",
                  })}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {format.dateTime(entry.occurredAt, { dateStyle: "short", timeStyle: "medium" })}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </Paper>
      <Modal opened={confirming !== null} onClose={() => setConfirming(null)} title={confirming ? t(confirming) : ""}>
        <Stack>
          <Text>{confirming ? t(confirmKey[confirming], { name: data.name }) : ""}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              {t("cancel")}
            </Button>
            <Button
              color={confirming === "restart" ? undefined : "red"}
              loading={action.isPending}
              onClick={() => confirming && action.mutate({ instanceId, action: confirming })}
              data-testid="confirm-action"
            >
              {t("confirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {pairing && <QrModal instanceId={data.id} name={data.name} opened onClose={() => setPairing(false)} />}
    </Stack>
  );
}
