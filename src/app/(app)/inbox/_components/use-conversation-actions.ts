"use client";

import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { ConversationStatus } from "~/shared/schemas/inbox";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import type { ConversationDetail } from "./types";

/**
 * Status, assignment and tags of the open conversation: shown in the header at once and undone if
 * the server refuses; the list follows (its `conversation.updated` event, and a refetch here).
 */
export function useConversationActions(conversationId: string) {
  const { messageOf } = useErrorWording();
  const t = useTranslations("inbox");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const detailKey = trpc.conversations.get.queryKey({ conversationId });

  function optimistic<Input>(patch: (detail: ConversationDetail, input: Input) => ConversationDetail) {
    return {
      onMutate: async (input: Input) => {
        await queryClient.cancelQueries({ queryKey: detailKey });
        const previous = queryClient.getQueryData(detailKey);
        if (previous) queryClient.setQueryData(detailKey, patch(previous, input));
        return { previous };
      },
      onError: (error: unknown, _input: Input, context: { previous?: ConversationDetail } | undefined) => {
        if (context?.previous) queryClient.setQueryData(detailKey, context.previous);
        notifications.show({ color: "red", message: messageOf(error, t("actionError")) });
      },
      onSettled: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: detailKey }),
          queryClient.invalidateQueries({ queryKey: trpc.conversations.list.pathKey() }),
        ]),
    };
  }

  const setStatus = useMutation(
    trpc.conversations.setStatus.mutationOptions(
      optimistic<{ status: ConversationStatus }>((detail, input) => ({ ...detail, status: input.status })),
    ),
  );

  const assign = useMutation(
    trpc.conversations.assign.mutationOptions(
      optimistic<{ assigneeId: string | null }>((detail, input) => {
        const member = queryClient
          .getQueryData(trpc.members.list.queryKey())
          ?.find((m) => m.userId === input.assigneeId);
        return { ...detail, assignee: member ? { id: member.userId, name: member.name } : null };
      }),
    ),
  );

  const setTag = useMutation(
    trpc.conversations.setTag.mutationOptions(
      optimistic<{ tagId: string; present: boolean }>((detail, input) => {
        const others = detail.tags.filter((tag) => tag.id !== input.tagId);
        const tag = queryClient.getQueryData(trpc.tags.list.queryKey())?.find((tg) => tg.id === input.tagId);
        return { ...detail, tags: input.present && tag ? [...others, tag] : others };
      }),
    ),
  );

  return { setStatus, assign, setTag };
}
