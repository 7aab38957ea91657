"use client";

import { useThrottledCallback } from "@mantine/hooks";
import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ContactFilter, ContactSort } from "~/shared/schemas/contacts";
import { useTRPC } from "~/trpc/react";
import { useRealtimeEvent } from "../../../_components/realtime-provider";

const PAGE_SIZE = 50;

/** The contact list by pages (keyset) and its count, refreshed while an import writes contacts. */
export function useContactList(filter: ContactFilter, sort: ContactSort) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useInfiniteQuery({
    ...trpc.contacts.list.infiniteQueryOptions(
      { filter, sort, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor },
    ),
    staleTime: 10_000,
  });
  const count = useQuery({ ...trpc.contacts.count.queryOptions({ filter }), staleTime: 10_000 });
  // An import sends an event per chunk: one refetch every few seconds is plenty.
  const refresh = useThrottledCallback(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.contacts.list.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.contacts.count.pathKey() });
  }, 3000);
  useRealtimeEvent("contact-import.updated", refresh);

  const seen = new Set<string>();
  return {
    items: list.data?.pages.flatMap((page) => page.items).filter((c) => !seen.has(c.id) && !!seen.add(c.id)),
    count: count.data?.count,
    error: list.error,
    isPending: list.isPending,
    hasNextPage: list.hasNextPage,
    isFetchingNextPage: list.isFetchingNextPage,
    fetchNextPage: list.fetchNextPage,
  };
}
