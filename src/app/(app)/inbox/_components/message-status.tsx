"use client";

import { Button, Group, Loader, Text, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertCircle, IconCheck, IconChecks, IconClock } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import type { MessageDto } from "./types";
import { messagesKey } from "./use-conversation-messages";

/** The ticks of an outbound message, as on a phone (blue when read or played). */
export function StatusTicks({ status }: { status: string }) {
  const t = useTranslations("inbox.status");
  const label = t.has(status) ? t(status) : status;
  const icon = (() => {
    switch (status) {
      case "pending":
      case "sending":
        return <IconClock size={14} />;
      case "sent":
        return <IconCheck size={14} />;
      case "delivered":
        return <IconChecks size={14} />;
      case "read":
      case "played":
        return <IconChecks size={14} color="var(--mantine-color-blue-6)" />;
      case "failed":
        return <IconAlertCircle size={14} color="var(--mantine-color-red-6)" />;
      case "unknown":
        return <Loader size={10} type="dots" />;
      default:
        return null;
    }
  })();
  if (!icon) return null;
  return (
    <Tooltip label={label} withinPortal>
      <span role="img" aria-label={label} style={{ display: "inline-flex", color: "var(--mantine-color-dimmed)" }}>
        {icon}
      </span>
    </Tooltip>
  );
}

/** A send that failed: why, and a way to try again; an unknown one: that it is being checked. */
export function DeliveryNotice({ message }: { message: MessageDto }) {
  const { messageOf, wordReason } = useErrorWording();
  const t = useTranslations("inbox");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const retry = useMutation(
    trpc.conversations.retryMessage.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: messagesKey(message.conversationId) }),
      onError: (error) => notifications.show({ color: "red", message: messageOf(error, t("retryError")) }),
    }),
  );
  if (message.status === "unknown")
    return (
      <Text size="xs" c="dimmed" fs="italic" data-testid="delivery-unknown">
        {t("checkingDelivery")}
      </Text>
    );
  if (message.status !== "failed") return null;
  return (
    <Group gap={6} wrap="wrap" data-testid="delivery-failed">
      <Text size="xs" c="red">
        {message.failureReason ? wordReason(message.failureReason) : t("sendFailed")}
      </Text>
      <Button
        size="compact-xs"
        variant="light"
        color="red"
        loading={retry.isPending}
        onClick={() => retry.mutate({ messageId: message.id })}
      >
        {t("retry")}
      </Button>
    </Group>
  );
}
