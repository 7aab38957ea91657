"use client";

import { useThrottledCallback } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { useRealtimeEvent } from "../../../_components/realtime-provider";

/**
 * A campaign's report, live: refetched on its `campaign.updated` events (at most every 500 ms), every
 * 5 s while it runs (events are at-most-once), and after conversation events once launched — replies
 * and opt-outs reach the funnel through conversations, which do not announce a campaign change.
 */
export function useCampaignReport(campaignId: string) {
  const trpc = useTRPC();
  const report = useQuery({
    ...trpc.campaigns.report.queryOptions({ campaignId }),
    staleTime: 2_000,
    refetchInterval: (query) => (query.state.data?.campaign.status === "running" ? 5_000 : false),
  });
  const refetch = report.refetch;
  const refresh = useThrottledCallback(() => void refetch(), 500);
  const refreshSlowly = useThrottledCallback(() => void refetch(), 2_000);
  useRealtimeEvent("campaign.updated", (event) => {
    if (event.campaignId === campaignId) refresh();
  });
  const launched = !!report.data?.campaign.launchedAt;
  useRealtimeEvent("conversation.updated", () => {
    if (launched) refreshSlowly();
  });
  useRealtimeEvent("conversations.changed", () => {
    if (launched) refreshSlowly();
  });
  return report;
}
