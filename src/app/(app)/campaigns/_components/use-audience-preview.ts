"use client";

import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { LegalBasisName } from "~/shared/schemas/campaigns";
import { useTRPC } from "~/trpc/react";
import { audienceInput, type AudienceValues } from "./wizard-values";

/**
 * How many contacts the audience describes and how many of them may receive it (counted by the server
 * as the filters settle), and a sample of those. The estimate is before the launch's own exclusions (numbers without WhatsApp,
 * contacts reached recently, duplicates), which the preflight report lists.
 */
export function useAudiencePreview(audience: AudienceValues, legalBasis: LegalBasisName, timeZone: string) {
  const trpc = useTRPC();
  const [settled] = useDebouncedValue(audience, 400);
  const query = useQuery({
    ...trpc.campaigns.previewAudience.queryOptions({ audience: audienceInput(settled, timeZone), legalBasis }),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  const data = query.data;
  return {
    data,
    // Counted by the server with the launch's consent rule (legal basis and audience together).
    eligible: data?.eligible ?? 0,
    isFetching: query.isFetching || settled !== audience,
    error: query.error,
    // Only contacts who would receive it: the message preview never renders for an opted-out person.
    sampleIds: (data?.sample ?? []).map((contact) => contact.id),
  };
}

export type AudiencePreview = ReturnType<typeof useAudiencePreview>;
