"use client";

import { Button, Group, Loader, Paper, Stack, Text, ThemeIcon } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconFileDescription, IconMicrophone, IconPhoto, IconVideo } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { formatBytes } from "~/shared/format/bytes";
import { formatDuration } from "~/shared/format/duration";
import { messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import type { MessageDto } from "./types";
import { messagesKey } from "./use-conversation-messages";

type Media = NonNullable<MessageDto["media"]>;

const icons = { video: IconVideo, audio: IconMicrophone, voice: IconMicrophone, image: IconPhoto, sticker: IconPhoto };

/**
 * An attachment without its bytes (still downloading, or the download failed): what the sender's phone
 * declared (kind, length, size), why it is missing, and a way to ask for it again.
 */
export function MissingMedia({ message, media }: { message: MessageDto; media: Media }) {
  const t = useTranslations("inbox.media");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const retry = useMutation(
    trpc.conversations.retryMedia.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: messagesKey(message.conversationId) }),
      onError: (error) => notifications.show({ color: "red", message: messageOf(error, t("retryError")) }),
    }),
  );
  const pending = media.status === "pending";
  const Icon = icons[message.type as keyof typeof icons] ?? IconFileDescription;
  const kind = t.has(`kinds.${message.type}`) ? t(`kinds.${message.type}`) : t("file");
  const facts = [
    media.fileName ?? kind,
    media.seconds !== null && formatDuration(media.seconds),
    media.size !== null && formatBytes(media.size, locale),
  ]
    .filter(Boolean)
    .join(" · ");

  return (
    <Paper
      withBorder
      p="xs"
      radius="sm"
      miw={220}
      data-testid={pending ? "media-pending" : "media-missing"}
      data-failure={media.failure ?? undefined}
    >
      <Group gap="sm" wrap="nowrap">
        <ThemeIcon variant="light" size="lg" color={pending ? undefined : "gray"}>
          <Icon size={20} />
        </ThemeIcon>
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Text size="sm" fw={500} truncate title={facts} data-testid="media-facts">
            {facts}
          </Text>
          {pending ? (
            <Group gap={6} wrap="nowrap">
              <Loader size={12} />
              <Text size="xs" c="dimmed">
                {t("downloading")}
              </Text>
            </Group>
          ) : (
            <Text size="xs" c="red" data-testid="media-failure">
              {t(`failures.${media.failure ?? "download_failed"}`)}
            </Text>
          )}
        </Stack>
        {media.retryable && (
          <Button
            size="compact-xs"
            variant="light"
            loading={retry.isPending}
            onClick={() => retry.mutate({ messageId: message.id })}
            data-testid="media-retry"
          >
            {t("retry")}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
