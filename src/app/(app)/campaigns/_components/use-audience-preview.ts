"use client";

import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { LegalBasisName } from "~/shared/schemas/campaigns";
import { useTRPC } from "~/trpc/react";
import { audienceInput, type AudienceValues } from "./wizard-values";

/**
 * How many contacts the audience describes (counted by the server as the filters settle) and a
 * sample of them. The estimate is before the launch's own exclusions (numbers without WhatsApp,
 * contacts reached recently, duplicates), which the preflight report lists.
 */
export function useAudiencePreview(audience: AudienceValues, legalBasis: LegalBasisName, timeZone: string) {
  const trpc = useTRPC();
  const [settled] = useDebouncedValue(audience, 400);
  const query = useQuery({
    ...trpc.campaigns.previewAudience.queryOptions({ audience: audienceInput(settled, timeZone) }),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  const data = query.data;
  // The legal basis "consent" always requires a recorded opt-in, whatever the audience says.
  const requireOptIn = audience.consent === "opted_in" || legalBasis === "consent";
  const eligible = data ? (requireOptIn ? data.optedIn : Math.max(0, data.total - data.optedOut - data.blocked)) : 0;
  return {
    data,
    eligible,
    isFetching: query.isFetching || settled !== audience,
    error: query.error,
    sampleIds: (data?.sample ?? []).map((contact) => contact.id),
  };
}

export type AudiencePreview = ReturnType<typeof useAudiencePreview>;
