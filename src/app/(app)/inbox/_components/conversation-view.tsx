"use client";

import { Alert, Anchor, Center, Loader, Stack } from "@mantine/core";
import { useDocumentVisibility } from "@mantine/hooks";
import { IconPlugConnectedX } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { useRealtimeEvent } from "../../../_components/realtime-provider";
import { BotPanel } from "./bot-panel";
import { Composer } from "./composer";
import { ConversationHeader } from "./conversation-header";
import { ConversationSummary } from "./conversation-summary";
import { MessageList } from "./message-list";
import type { ConversationDetail, MessageDto } from "./types";
import { useConversationMessages } from "./use-conversation-messages";

export function ConversationView({ conversationId }: { conversationId: string }) {
  const { messageOf } = useErrorWording();
  const t = useTranslations("inbox");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const detail = useQuery(trpc.conversations.get.queryOptions({ conversationId }));
  const messages = useConversationMessages(conversationId);
  const [sentToken, setSentToken] = useState(0);
  useMarkRead(detail.data, detail.dataUpdatedAt);

  const instanceId = detail.data?.instance.id;
  useRealtimeEvent("instance.updated", (event) => {
    if (event.instanceId === instanceId)
      void queryClient.invalidateQueries({ queryKey: trpc.conversations.get.queryKey({ conversationId }) });
  });

  const { upsert } = messages;
  const onSent = useCallback(
    (message: MessageDto) => {
      upsert(message);
      setSentToken((n) => n + 1);
    },
    [upsert],
  );

  if (detail.error)
    return (
      <Stack p="md">
        <Alert color="red">{messageOf(detail.error, t("loadError"))}</Alert>
        <Anchor component={Link} href="/inbox" size="sm">
          ← {t("back")}
        </Anchor>
      </Stack>
    );
  if (!detail.data)
    return (
      <Center h="100%">
        <Loader />
      </Center>
    );

  const conversation = detail.data;
  return (
    <>
      <ConversationHeader conversation={conversation} />
      <ConversationSummary conversationId={conversationId} />
      {conversation.instanceState !== "open" && (
        <Alert
          color="yellow"
          radius={0}
          py={6}
          icon={<IconPlugConnectedX size={18} />}
          data-testid="instance-offline-banner"
        >
          {t("instanceOffline", { name: conversation.instance.name })}
        </Alert>
      )}
      {messages.items ? (
        <MessageList
          items={messages.items}
          isGroup={conversation.kind === "group"}
          hasOlder={messages.hasOlder}
          loadOlder={messages.loadOlder}
          loadingOlder={messages.loadingOlder}
          olderError={messages.olderError}
          sentToken={sentToken}
        />
      ) : messages.error ? (
        <Alert color="red" m="md">
          {messageOf(messages.error, t("loadError"))}
        </Alert>
      ) : (
        <Center style={{ flex: 1 }}>
          <Loader />
        </Center>
      )}
      <BotPanel conversationId={conversationId} />
      <Composer conversationId={conversationId} onSent={onSent} />
    </>
  );
}

/**
 * Opening a conversation with unread messages marks it read, and so does each inbound message that
 * arrives while it is open in a visible tab (it shows up as a fresh detail with unread > 0).
 */
function useMarkRead(conversation: ConversationDetail | undefined, version: number) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const visibility = useDocumentVisibility();
  const attempted = useRef(0);
  const { mutate } = useMutation(
    trpc.conversations.markRead.mutationOptions({
      onSuccess: (_result, input) => {
        queryClient.setQueryData(trpc.conversations.get.queryKey(input), (current) =>
          current ? { ...current, unreadCount: 0 } : current,
        );
        void queryClient.invalidateQueries({ queryKey: trpc.conversations.list.pathKey() });
      },
    }),
  );
  const id = conversation?.id;
  const unread = conversation?.unreadCount ?? 0;
  useEffect(() => {
    // Once per fetched version: a failing call is not repeated in a loop.
    if (!id || unread === 0 || visibility !== "visible" || attempted.current === version) return;
    attempted.current = version;
    mutate({ conversationId: id });
  }, [id, unread, visibility, version, mutate]);
}
