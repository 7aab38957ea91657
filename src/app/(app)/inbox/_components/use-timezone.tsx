"use client";

import { useQuery } from "@tanstack/react-query";
import { createContext, useContext } from "react";
import { useTRPC } from "~/trpc/react";

const InitialTimezone = createContext("America/Sao_Paulo");

/** The organization's time zone as the page was rendered with (so the first paint is already right). */
export const TimezoneProvider = InitialTimezone.Provider;

/** The organization's time zone: every time in the inbox is shown in it. */
export function useTimezone(): string {
  const trpc = useTRPC();
  const initial = useContext(InitialTimezone);
  const organization = useQuery(trpc.organization.current.queryOptions());
  return organization.data?.timezone ?? initial;
}
