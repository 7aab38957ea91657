"use client";

import { Alert, Box, Center, Loader, Skeleton, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useNow, useTranslations } from "next-intl";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useErrorWording } from "~/trpc/errors";
import { ConversationFiltersBar } from "./conversation-filters";
import { ConversationRow } from "./conversation-row";
import { filtersFromQuery, queryOfFilters } from "./filters-url";
import { defaultFilters, useConversationList, type ConversationFilters } from "./use-conversation-list";
import { useSentinel } from "./use-sentinel";

export function ConversationList({ selectedId }: { selectedId: string | null }) {
  const { messageOf } = useErrorWording();
  const t = useTranslations("inbox");
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  // Filters start from the URL (a drill-down link) and are written back to it, so reload keeps them.
  const [filters, setFiltersState] = useState<ConversationFilters>(() => filtersFromQuery(searchParams));
  const setFilters = (next: ConversationFilters) => {
    setFiltersState(next);
    router.replace(`${pathname}?${queryOfFilters(next, new URLSearchParams(searchParams))}`, { scroll: false });
  };
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const query = debounced.length >= 2 ? debounced : "";
  const list = useConversationList(filters, query);
  const now = useNow({ updateInterval: 60_000 });

  const scroller = useRef<HTMLDivElement>(null);
  const sentinel = useRef<HTMLDivElement>(null);
  const nearEnd = useSentinel(scroller, sentinel, "0px 0px 400px 0px", list.hasNextPage && !list.isFetchingNextPage);
  const { fetchNextPage } = list;
  useEffect(() => {
    if (nearEnd) fetchNextPage();
  }, [nearEnd, fetchNextPage]);

  // A new filter or search starts at the top.
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [filters, query]);

  const filtered = JSON.stringify(filters) !== JSON.stringify(defaultFilters);
  const filterQuery = queryOfFilters(filters, new URLSearchParams());

  return (
    <Stack gap={0} h="100%">
      <ConversationFiltersBar
        filters={filters}
        onChange={setFilters}
        search={search}
        onSearch={setSearch}
        searching={list.searching}
      />
      <Box ref={scroller} style={{ flex: 1, minHeight: 0, overflowY: "auto" }}>
        {list.error ? (
          <Alert color="red" m="sm">
            {messageOf(list.error, t("loadError"))}
          </Alert>
        ) : list.isPending ? (
          <Stack gap="md" p="sm" aria-busy="true">
            {Array.from({ length: 6 }, (_, i) => (
              <Skeleton key={i} height={52} />
            ))}
          </Stack>
        ) : list.items?.length === 0 ? (
          <Text c="dimmed" size="sm" ta="center" p="xl" data-testid="conversation-list-empty">
            {list.searching ? t("noResults", { query }) : filtered ? t("noMatches") : t("allCaughtUp")}
          </Text>
        ) : (
          <div role="list" aria-label={t("listLabel")} data-testid="conversation-list">
            {list.items?.map((conversation) => (
              <div role="listitem" key={conversation.id}>
                <ConversationRow
                  conversation={conversation}
                  selected={conversation.id === selectedId}
                  now={now}
                  filterQuery={filterQuery}
                />
              </div>
            ))}
          </div>
        )}
        <div ref={sentinel} />
        {list.isFetchingNextPage && (
          <Center p="sm">
            <Loader size="sm" />
          </Center>
        )}
      </Box>
    </Stack>
  );
}
