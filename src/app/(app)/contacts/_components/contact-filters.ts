import type { ContactFilter, ContactSort, ConsentStatusValue } from "~/shared/schemas/contacts";

export type InteractionChoice = "any" | "last7" | "last30" | "older30" | "never";
export type BlockedChoice = "all" | "blocked" | "notBlocked";

/** What the filter bar holds; `toContactFilter` turns it into the server's filter. */
export interface FilterState {
  tagIds: string[];
  consent: ConsentStatusValue | null;
  instanceId: string | null;
  interaction: InteractionChoice;
  /** When the interaction choice was made: "last 7 days" is counted from then, so the query key stays put. */
  interactionAt: number;
  blocked: BlockedChoice;
  sort: ContactSort;
}

export const defaultFilterState: FilterState = {
  tagIds: [],
  consent: null,
  instanceId: null,
  interaction: "any",
  interactionAt: 0,
  blocked: "all",
  sort: "lastInteraction",
};

const DAY = 86_400_000;

export function toContactFilter(state: FilterState, search: string): ContactFilter {
  const filter: ContactFilter = {};
  if (search) filter.search = search;
  if (state.tagIds.length) filter.tagIds = state.tagIds;
  if (state.consent) filter.consent = [state.consent];
  if (state.instanceId) filter.instanceId = state.instanceId;
  const daysAgo = (days: number) => new Date(state.interactionAt - days * DAY).toISOString();
  if (state.interaction === "last7") filter.interactedAfter = daysAgo(7);
  if (state.interaction === "last30") filter.interactedAfter = daysAgo(30);
  if (state.interaction === "older30") filter.interactedBefore = daysAgo(30);
  if (state.interaction === "never") filter.neverInteracted = true;
  if (state.blocked !== "all") filter.blocked = state.blocked === "blocked";
  return filter;
}

export function isFiltered(state: FilterState, search: string): boolean {
  return Object.keys(toContactFilter(state, search)).length > 0;
}

/** The export route's URL for the list's current filter. */
export function exportUrl(filter: ContactFilter): string {
  return `/api/contacts/export?filter=${encodeURIComponent(JSON.stringify(filter))}`;
}
