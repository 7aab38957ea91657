"use client";

import { useQuery } from "@tanstack/react-query";
import { useTimeZone } from "next-intl";
import { createContext, useContext } from "react";
import { useTRPC } from "~/trpc/react";

const InitialTimezone = createContext<string | null>(null);

/** The organization's time zone as the page was rendered with (so the first paint is already right). */
export const TimezoneProvider = InitialTimezone.Provider;

/**
 * The organization's time zone: every time in the app is shown in it, not the browser's. The request
 * config (src/i18n/request.ts) already puts it in next-intl; the query follows a change made in Settings.
 */
export function useTimezone(): string {
  const trpc = useTRPC();
  const initial = useContext(InitialTimezone);
  const configured = useTimeZone();
  const organization = useQuery(trpc.organization.current.queryOptions());
  return organization.data?.timezone ?? initial ?? configured ?? "America/Sao_Paulo";
}
