"use client";

import { Badge, Button, Group, Paper, Text } from "@mantine/core";
import { IconSparkles } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { useRealtimeEvent } from "../../../_components/realtime-provider";

/** The conversation's newest summary (by the provider or the local extractive one, said so) and a button for a new one. */
export function ConversationSummary({ conversationId }: { conversationId: string }) {
  const t = useTranslations("inbox.summary");
  const { messageOf } = useErrorWording();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const queryKey = trpc.ai.conversationSummary.queryKey({ conversationId });
  const summary = useQuery(trpc.ai.conversationSummary.queryOptions({ conversationId }));
  const summarize = useMutation(
    trpc.ai.summarizeConversation.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(queryKey, data),
    }),
  );
  // A summary made by the worker when the conversation was closed.
  useRealtimeEvent("conversation.updated", (event) => {
    if (event.conversationId === conversationId) void queryClient.invalidateQueries({ queryKey });
  });
  const current = summary.data ?? null;

  return (
    <Paper withBorder radius={0} px="md" py={6} data-testid="conversation-summary">
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Group gap={6} wrap="nowrap">
          <IconSparkles size={16} />
          <Text size="sm" fw={600}>
            {t("title")}
          </Text>
          {current && (
            <Badge
              size="xs"
              variant="light"
              color={current.engine === "local" ? "gray" : "teal"}
              data-engine={current.engine}
            >
              {current.engine === "local" ? t("local") : t("provider", { model: current.model })}
            </Badge>
          )}
        </Group>
        <Button
          size="compact-xs"
          variant="light"
          loading={summarize.isPending}
          onClick={() => summarize.mutate({ conversationId })}
          data-testid="summarize-conversation"
        >
          {current ? t("refresh") : t("make")}
        </Button>
      </Group>
      {summarize.error && (
        <Text size="xs" c="red">
          {messageOf(summarize.error, t("error"))}
        </Text>
      )}
      {current && (
        <>
          <Text size="sm" style={{ whiteSpace: "pre-line" }} data-testid="conversation-summary-text">
            {current.summary}
          </Text>
          {current.fallbackReason && (
            <Text size="xs" c="dimmed" data-testid="conversation-summary-reason">
              {t(`fallback.${current.fallbackReason}`)}
            </Text>
          )}
        </>
      )}
    </Paper>
  );
}
