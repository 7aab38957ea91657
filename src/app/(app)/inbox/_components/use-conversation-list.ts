"use client";

import { useThrottledCallback } from "@mantine/hooks";
import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import type { ConversationStatus } from "~/shared/schemas/inbox";
import { useTRPC } from "~/trpc/react";
import { useRealtimeEvent } from "../../../_components/realtime-provider";

export interface ConversationFilters {
  status: ConversationStatus | "all";
  instanceId: string | null;
  /** "me", "none", a member's user id, or null for everyone's. */
  assignee: string | null;
  tagId: string | null;
  /** An AI label code. */
  aiLabel: string | null;
  unreadOnly: boolean;
  /** Days (organization timezone, inclusive) the conversations had a message on: a drill-down from Métricas. */
  fromDay: string | null;
  toDay: string | null;
}

export const defaultFilters: ConversationFilters = {
  status: "open",
  instanceId: null,
  assignee: null,
  tagId: null,
  aiLabel: null,
  unreadOnly: false,
  fromDay: null,
  toDay: null,
};

const PAGE_SIZE = 30;

/** The list (filtered, by pages) or, with a query of 2+ characters, the search results. */
export function useConversationList(filters: ConversationFilters, search: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const searching = search.length >= 2;

  const list = useInfiniteQuery({
    ...trpc.conversations.list.infiniteQueryOptions(
      {
        status: filters.status === "all" ? undefined : filters.status,
        instanceId: filters.instanceId ?? undefined,
        assignee: filters.assignee ?? undefined,
        tagId: filters.tagId ?? undefined,
        aiLabel: filters.aiLabel ?? undefined,
        unreadOnly: filters.unreadOnly || undefined,
        fromDay: filters.fromDay ?? undefined,
        toDay: filters.toDay ?? undefined,
        limit: PAGE_SIZE,
      },
      { getNextPageParam: (page) => page.nextCursor },
    ),
    enabled: !searching,
    staleTime: 10_000,
  });
  const results = useInfiniteQuery({
    ...trpc.conversations.search.infiniteQueryOptions(
      { query: search, limit: 50 },
      { getNextPageParam: (page) => page.nextCursor },
    ),
    enabled: searching,
    staleTime: 10_000,
  });

  // A busy inbox sends bursts (every ack moves a row): one refetch per burst is enough.
  const refresh = useThrottledCallback(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.conversations.list.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.conversations.search.pathKey() });
  }, 300);
  const changed = (conversationIds: string[]) => {
    for (const conversationId of conversationIds) {
      void queryClient.invalidateQueries({ queryKey: trpc.conversations.get.queryKey({ conversationId }) });
    }
    refresh();
  };
  useRealtimeEvent("conversation.updated", (event) => changed([event.conversationId]));
  useRealtimeEvent("conversations.changed", (event) => changed(event.conversationIds));

  if (searching)
    return {
      searching,
      items: results.data && uniqueById(results.data.pages.flatMap((page) => page.items)),
      error: results.error,
      isPending: results.isPending,
      hasNextPage: results.hasNextPage,
      isFetchingNextPage: results.isFetchingNextPage,
      fetchNextPage: () => void results.fetchNextPage(),
    };
  return {
    searching,
    items: list.data && uniqueById(list.data.pages.flatMap((page) => page.items)),
    error: list.error,
    isPending: list.isPending,
    hasNextPage: list.hasNextPage,
    isFetchingNextPage: list.isFetchingNextPage,
    fetchNextPage: () => void list.fetchNextPage(),
  };
}

/** Pages loaded at different times can both hold a conversation that moved up in between. */
function uniqueById<T extends { id: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.id) && !!seen.add(item.id));
}
