"use client";

import { useThrottledCallback } from "@mantine/hooks";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { useRealtimeEvent } from "../../../_components/realtime-provider";

/** Every campaign with its counts, refetched (once per burst) whenever one of them changes. */
export function useCampaignList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery({ ...trpc.campaigns.list.queryOptions(), staleTime: 5_000 });
  const refresh = useThrottledCallback(
    () => void queryClient.invalidateQueries({ queryKey: trpc.campaigns.list.queryKey() }),
    1_000,
  );
  useRealtimeEvent("campaign.updated", refresh);
  return list;
}
