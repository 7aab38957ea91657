"use client";

import { Alert, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { IconRobot } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { useRealtimeEvent } from "../../../_components/realtime-provider";

/** The bot in this conversation: "rascunho" replies waiting for approval, and whether it stepped back (why). */
export function BotPanel({ conversationId }: { conversationId: string }) {
  const t = useTranslations("inbox.bot");
  const { messageOf } = useErrorWording();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const queryKey = trpc.aiReplies.conversationBot.queryKey({ conversationId });
  const bot = useQuery(trpc.aiReplies.conversationBot.queryOptions({ conversationId }));
  // The worker announces a draft or handoff as a conversation update.
  useRealtimeEvent("conversation.updated", (event) => {
    if (event.conversationId === conversationId) void queryClient.invalidateQueries({ queryKey });
  });
  const refresh = { onSettled: () => queryClient.invalidateQueries({ queryKey }) };
  const approve = useMutation(trpc.aiReplies.approveDraft.mutationOptions(refresh));
  const discard = useMutation(trpc.aiReplies.discardDraft.mutationOptions(refresh));
  const resume = useMutation(trpc.aiReplies.resumeBot.mutationOptions(refresh));
  const error = approve.error ?? discard.error ?? resume.error;
  if (!bot.data) return null;
  const drafts = bot.data.replies.filter((reply) => reply.status === "draft");
  // Every agent reply pauses the bot; say so only where the number has automatic replies on.
  const reason = bot.data.enabled ? bot.data.pauseReason : null;
  if (!drafts.length && !reason) return null;

  return (
    <Stack gap={4} px="md" py={6} data-testid="bot-panel">
      {reason && (
        <Alert
          color={reason === "human_reply" || reason === "assigned" ? "gray" : "orange"}
          py={4}
          icon={<IconRobot size={16} />}
          data-testid="bot-paused"
        >
          <Group justify="space-between" gap="xs">
            <Text size="xs">{t(`paused.${reason}`)}</Text>
            <Button size="compact-xs" variant="subtle" onClick={() => resume.mutate({ conversationId })}>
              {t("resume")}
            </Button>
          </Group>
        </Alert>
      )}
      {drafts.map((draft) => (
        <Paper key={draft.id} withBorder p="xs" radius="sm" data-testid="bot-draft">
          <Text size="xs" c="dimmed">
            {t("draftTitle")}
          </Text>
          <Text size="sm">{draft.body}</Text>
          <Group gap="xs" mt={4}>
            <Button
              size="compact-xs"
              loading={approve.isPending}
              onClick={() => approve.mutate({ draftId: draft.id })}
              data-testid="approve-draft"
            >
              {t("approve")}
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              color="gray"
              loading={discard.isPending}
              onClick={() => discard.mutate({ draftId: draft.id })}
            >
              {t("discard")}
            </Button>
          </Group>
        </Paper>
      ))}
      {error && (
        <Text size="xs" c="red" role="alert">
          {messageOf(error, t("failed"))}
        </Text>
      )}
    </Stack>
  );
}
