"use client";

import { ActionIcon, Button, Indicator, Popover, ScrollArea, Stack, Text } from "@mantine/core";
import { IconBell } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useTRPC } from "~/trpc/react";
import { useRealtimeEvent } from "./realtime-provider";

/** The header's alerts: unread count, the latest firings and resolutions, live over Socket.IO. */
export function AlertBell() {
  const t = useTranslations("alerts");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const key = trpc.alerts.notifications.queryKey();
  const { data } = useQuery(trpc.alerts.notifications.queryOptions());
  useRealtimeEvent("alert.notified", () => void queryClient.invalidateQueries({ queryKey: key }));
  const markRead = useMutation(
    trpc.alerts.markRead.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries({ queryKey: key }) }),
  );
  const unread = data?.unread ?? 0;

  return (
    <Popover width={360} position="bottom-end" shadow="md">
      <Popover.Target>
        <Indicator label={unread} disabled={unread === 0} size={16} offset={4} color="red">
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={t("unread", { count: unread })}
            data-testid="alert-bell"
            data-unread={unread}
          >
            <IconBell size={18} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown data-testid="alert-list">
        <Stack gap="xs">
          <Text fw={600}>{t("bell")}</Text>
          {data && data.items.length === 0 && (
            <Text c="dimmed" size="sm">
              {t("empty")}
            </Text>
          )}
          <ScrollArea.Autosize mah={360}>
            <Stack gap="xs">
              {data?.items.map((item) => (
                <Stack key={item.id} gap={0} data-testid="alert-item" data-read={item.read}>
                  <Text size="sm" fw={item.read ? 400 : 600} c={item.transition === "resolved" ? "teal" : undefined}>
                    {t(`${item.transition}.${item.kind}`, item.params)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {format.dateTime(new Date(item.occurredAt), { dateStyle: "short", timeStyle: "short" })}
                  </Text>
                </Stack>
              ))}
            </Stack>
          </ScrollArea.Autosize>
          {unread > 0 && (
            <Button variant="light" size="xs" onClick={() => markRead.mutate({})} data-testid="alerts-mark-read">
              {t("markAllRead")}
            </Button>
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
