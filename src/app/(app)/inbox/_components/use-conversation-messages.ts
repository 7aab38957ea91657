"use client";

import { useThrottledCallback } from "@mantine/hooks";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTRPCClient } from "~/trpc/react";
import { useRealtimeEvent, useRealtimeStatus } from "../../../_components/realtime-provider";
import { mergeMessages } from "./merge-messages";
import type { Cursor, MessageDto } from "./types";

const PAGE_SIZE = 40;
/** The server returns at most this many changes; a full batch may have left some out. */

export interface MessagesWindow {
  /** Oldest first. */
  items: MessageDto[];
  olderCursor: Cursor | null;
  /** Server time of the last read: the next catch-up asks for changes since then. */
  readAt: string;
}

export const messagesKey = (conversationId: string) => ["inbox", "messages", conversationId] as const;

/**
 * The loaded messages of one conversation. The first fetch loads the newest page; every later fetch
 * (a live event, a reconnect, a return to the tab or to the conversation) asks only for what changed
 * since the last read and merges it in, so a missed event costs nothing but a catch-up.
 */
export function useConversationMessages(conversationId: string) {
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const key = messagesKey(conversationId);

  const query = useQuery({
    queryKey: key,
    staleTime: 0,
    gcTime: 10 * 60_000,
    queryFn: async ({ signal }): Promise<MessagesWindow> => {
      const loaded = queryClient.getQueryData<MessagesWindow>(key);
      if (loaded) {
        const changes = await client.conversations.messageChanges.query(
          { conversationId, since: loaded.readAt },
          { signal },
        );
        if (!changes.hasMore) {
          // Read again: an older page may have been prepended while this request was out.
          const latest = queryClient.getQueryData<MessagesWindow>(key) ?? loaded;
          return {
            ...latest,
            items: mergeMessages(latest.items, changes.items, { hasOlder: latest.olderCursor !== null }),
            readAt: changes.readAt > latest.readAt ? changes.readAt : latest.readAt,
          };
        }
      }
      const page = await client.conversations.messages.query({ conversationId, limit: PAGE_SIZE }, { signal });
      return { items: page.items, olderCursor: page.olderCursor, readAt: page.readAt };
    },
  });

  const { refetch } = query;
  const catchUp = useThrottledCallback(() => void refetch(), 250);
  useRealtimeEvent("message.changed", (event) => {
    if (event.conversationId === conversationId) catchUp();
  });
  useRealtimeEvent("conversations.changed", (event) => {
    if (event.conversationIds.includes(conversationId)) catchUp();
  });

  // The provider refetches every query on connect; this makes the catch-up explicit for this view.
  const connected = useRealtimeStatus();
  const wasConnected = useRef(connected);
  useEffect(() => {
    if (connected && !wasConnected.current) void refetch({ cancelRefetch: false });
    wasConnected.current = connected;
  }, [connected, refetch]);

  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState<unknown>(null);
  const loadingOlderRef = useRef(false);
  const loadOlder = useCallback(async () => {
    const loaded = queryClient.getQueryData<MessagesWindow>(messagesKey(conversationId));
    if (!loaded?.olderCursor || loadingOlderRef.current) return;
    loadingOlderRef.current = true;
    setLoadingOlder(true);
    setOlderError(null);
    try {
      const page = await client.conversations.messages.query({
        conversationId,
        before: loaded.olderCursor,
        limit: PAGE_SIZE,
      });
      queryClient.setQueryData<MessagesWindow>(messagesKey(conversationId), (current) =>
        current
          ? { ...current, items: mergeMessages(current.items, page.items), olderCursor: page.olderCursor }
          : current,
      );
    } catch (error) {
      setOlderError(error);
    } finally {
      loadingOlderRef.current = false;
      setLoadingOlder(false);
    }
  }, [client, queryClient, conversationId]);

  /** A message this tab just wrote (reply or note): shown at once, before its event arrives. */
  const upsert = useCallback(
    (message: MessageDto) =>
      queryClient.setQueryData<MessagesWindow>(messagesKey(conversationId), (current) =>
        current ? { ...current, items: mergeMessages(current.items, [message]) } : current,
      ),
    [queryClient, conversationId],
  );

  return {
    items: query.data?.items,
    hasOlder: !!query.data?.olderCursor,
    error: query.error,
    isPending: query.isPending,
    loadOlder,
    loadingOlder,
    olderError,
    upsert,
    catchUp,
  };
}
