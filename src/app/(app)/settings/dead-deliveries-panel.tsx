"use client";

import { ActionIcon, Alert, Button, Code, Group, Paper, Stack, Text, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconChevronDown, IconChevronRight, IconRefresh } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { DataTable } from "../../_components/data-table";

/** Webhook events given up on (malformed, or failing past the retry limit), to reprocess after a fix. */
export function DeadDeliveriesPanel() {
  const { messageOf, wordReason } = useErrorWording();
  const t = useTranslations("settings.deadDeliveries");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const organization = useQuery(trpc.organization.current.queryOptions());
  const deliveries = useQuery(trpc.webhooks.deadDeliveries.queryOptions({ limit: 100 }));
  const [expanded, setExpanded] = useState<string | null>(null);
  const reprocess = useMutation(
    trpc.webhooks.reprocess.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: "teal", message: t("reprocessed") });
        await queryClient.invalidateQueries({ queryKey: trpc.webhooks.deadDeliveries.queryKey() });
      },
      onError: (error) => notifications.show({ color: "red", message: messageOf(error, t("reprocessError")) }),
    }),
  );
  const timeZone = organization.data?.timezone;
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "medium", timeZone });

  return (
    <Stack>
      <Group justify="space-between">
        <Text c="dimmed">{t("intro")}</Text>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconRefresh size={14} />}
          loading={deliveries.isFetching}
          onClick={() => void deliveries.refetch()}
        >
          {t("refresh")}
        </Button>
      </Group>
      {deliveries.error && <Alert color="red">{messageOf(deliveries.error, "")}</Alert>}
      {deliveries.data?.length === 0 && (
        <Paper withBorder p="lg" data-testid="dead-deliveries-empty">
          <Text c="dimmed" ta="center">
            {t("empty")}
          </Text>
        </Paper>
      )}
      {!!deliveries.data?.length && (
        <Paper withBorder>
          <DataTable
            testId="dead-deliveries-table"
            verticalSpacing="sm"
            minWidth={900}
            rows={deliveries.data}
            rowKey={(delivery) => delivery.id}
            rowProps={(delivery) => ({ "data-testid": "dead-delivery-row", "data-delivery-id": delivery.id })}
            expanded={(delivery) =>
              expanded === delivery.id && (
                <Code
                  block
                  style={{ whiteSpace: "pre-wrap", wordBreak: "break-all" }}
                  data-testid="dead-delivery-payload"
                >
                  {pretty(delivery.payloadPreview)}
                </Code>
              )
            }
            columns={[
              {
                key: "toggle",
                width: 36,
                cell: (delivery) => {
                  const open = expanded === delivery.id;
                  return (
                    <Tooltip label={t("payload")}>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t("payload")}
                        aria-expanded={open}
                        onClick={() => setExpanded(open ? null : delivery.id)}
                      >
                        {open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                      </ActionIcon>
                    </Tooltip>
                  );
                },
              },
              { key: "instance", header: t("instance"), cell: (delivery) => delivery.instance.name },
              {
                key: "event",
                header: t("event"),
                // Evolution's own event name; a body that named none is stored as "unknown".
                cell: (delivery) => <Code>{delivery.event === "unknown" ? t("unknownEvent") : delivery.event}</Code>,
              },
              {
                key: "error",
                header: t("error"),
                cellProps: () => ({ maw: 320 }),
                cell: (delivery) => (
                  <Text size="sm" c="red" lineClamp={2} data-testid="dead-delivery-error">
                    {delivery.error ? wordReason(delivery.error, delivery.errorParams) : "—"}
                  </Text>
                ),
              },
              { key: "attempts", header: t("attempts"), cell: (delivery) => delivery.attempts },
              {
                key: "receivedAt",
                header: t("receivedAt"),
                cellProps: () => ({ style: { whiteSpace: "nowrap" } }),
                cell: (delivery) => when(delivery.receivedAt),
              },
              {
                key: "deadAt",
                header: t("deadAt"),
                cellProps: () => ({ style: { whiteSpace: "nowrap" } }),
                cell: (delivery) => when(delivery.deadAt),
              },
              {
                key: "reprocess",
                cell: (delivery) => (
                  <Button
                    size="xs"
                    variant="light"
                    loading={reprocess.isPending && reprocess.variables?.deliveryId === delivery.id}
                    onClick={() => reprocess.mutate({ deliveryId: delivery.id })}
                    data-testid="reprocess-delivery"
                  >
                    {t("reprocess")}
                  </Button>
                ),
              },
            ]}
          />
        </Paper>
      )}
    </Stack>
  );
}

/** Indented when the preview is whole JSON; a preview cut at its length limit is shown as it is. */
function pretty(preview: string): string {
  try {
    return JSON.stringify(JSON.parse(preview), null, 2);
  } catch {
    return preview;
  }
}
