"use client";

import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, skipToken, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { estimateCampaignPaceInput } from "~/shared/schemas/campaigns";
import { useTRPC } from "~/trpc/react";
import { toSaveInput, type WizardValues } from "./wizard-values";

/**
 * The pace and finish the server estimates for the settings as they stand (its rules, not a copy here:
 * each number's daily limit, the window, what the numbers already sent). Asked once the form settles
 * and is complete enough to estimate.
 */
export function usePaceEstimate(values: WizardValues, timeZone: string) {
  const trpc = useTRPC();
  // Compared as text: a new object per render would restart the debounce forever.
  const input = useMemo(() => {
    const parsed = estimateCampaignPaceInput.safeParse(toSaveInput(values, timeZone, null));
    return parsed.success ? JSON.stringify(parsed.data) : null;
  }, [values, timeZone]);
  const [settled] = useDebouncedValue(input, 400);
  const query = useQuery({
    ...trpc.campaigns.estimatePace.queryOptions(
      settled ? estimateCampaignPaceInput.parse(JSON.parse(settled)) : skipToken,
    ),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  return { data: settled ? query.data : undefined, isFetching: query.isFetching || settled !== input };
}

export type PaceEstimateState = ReturnType<typeof usePaceEstimate>;
