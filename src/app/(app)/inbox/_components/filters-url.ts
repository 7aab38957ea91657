import { conversationStatuses } from "~/shared/schemas/inbox";
import { defaultFilters, type ConversationFilters } from "./use-conversation-list";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const uuidOr = (value: string | null) => (value && UUID.test(value) ? value.toLowerCase() : null);
const dayOr = (value: string | null) => (value && DAY.test(value) ? value : null);

/**
 * The inbox filters as URL query (`?status=all&instance=…&from=2026-11-03&to=2026-11-03`), so a drill-down
 * from Métricas is a link and a filtered inbox survives reload. Unknown or malformed values are ignored.
 */
export function filtersFromQuery(query: URLSearchParams): ConversationFilters {
  const status = query.get("status");
  const assignee = query.get("assignee");
  return {
    ...defaultFilters,
    status:
      status === "all" || conversationStatuses.includes(status as never)
        ? (status as ConversationFilters["status"])
        : defaultFilters.status,
    instanceId: uuidOr(query.get("instance")),
    assignee: assignee === "me" || assignee === "none" ? assignee : uuidOr(assignee),
    tagId: uuidOr(query.get("tag")),
    fromDay: dayOr(query.get("from")),
    toDay: dayOr(query.get("to")),
  };
}

/** The query of `filters`, keeping other parameters (the open conversation) of `current`. */
export function queryOfFilters(filters: ConversationFilters, current: URLSearchParams): string {
  const query = new URLSearchParams(current);
  const set = (key: string, value: string | null, fallback: string | null = null) =>
    value && value !== fallback ? query.set(key, value) : query.delete(key);
  set("status", filters.status, defaultFilters.status);
  set("instance", filters.instanceId);
  set("assignee", filters.assignee);
  set("tag", filters.tagId);
  set("from", filters.fromDay);
  set("to", filters.toDay);
  return query.toString();
}

/** Where a drill-down goes: the inbox, every status, on these days / this number / this agent. */
export function inboxDrillDownHref(target: {
  fromDay?: string;
  toDay?: string;
  instanceId?: string;
  assignee?: string;
}): string {
  const query = queryOfFilters(
    {
      ...defaultFilters,
      status: "all",
      fromDay: target.fromDay ?? null,
      toDay: target.toDay ?? null,
      instanceId: target.instanceId ?? null,
      assignee: target.assignee ?? null,
    },
    new URLSearchParams(),
  );
  return `/inbox?${query}`;
}
