"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { useRealtimeEvent } from "../../../_components/realtime-provider";

/** Keeps instance queries fresh: any status event refetches the list and the instance's detail. */
export function useInstanceEvents() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useRealtimeEvent("instance.updated", (event) => {
    void queryClient.invalidateQueries({ queryKey: trpc.instances.list.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.instances.get.queryKey({ instanceId: event.instanceId }) });
  });
}
