"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";

/** The signed-in person's role in the current organization (for showing what they may do). */
export function useMyRole() {
  const trpc = useTRPC();
  const me = useQuery(trpc.system.me.queryOptions());
  return { role: me.data?.role, userId: me.data?.userId, isAdmin: me.data?.isAdmin ?? false, loaded: me.isSuccess };
}
