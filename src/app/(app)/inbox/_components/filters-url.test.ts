import { describe, expect, it } from "vitest";
import { filtersFromQuery, inboxDrillDownHref, queryOfFilters } from "./filters-url";
import { defaultFilters } from "./use-conversation-list";

const instanceId = "0195f0a2-1111-7000-8000-000000000001";

describe("inbox filters in the URL", () => {
  it("round-trips a drill-down and keeps the open conversation", () => {
    const href = inboxDrillDownHref({ fromDay: "2026-11-03", toDay: "2026-11-03", instanceId });
    expect(href).toBe(`/inbox?status=all&instance=${instanceId}&from=2026-11-03&to=2026-11-03`);
    const filters = filtersFromQuery(new URLSearchParams(href.split("?")[1]));
    expect(filters).toEqual({
      ...defaultFilters,
      status: "all",
      instanceId,
      fromDay: "2026-11-03",
      toDay: "2026-11-03",
    });
    const withConversation = queryOfFilters(filters, new URLSearchParams("c=abc&status=open"));
    expect(new URLSearchParams(withConversation).get("c")).toBe("abc");
    expect(new URLSearchParams(withConversation).get("status")).toBe("all");
  });

  it("ignores malformed values and leaves defaults out of the URL", () => {
    expect(filtersFromQuery(new URLSearchParams("status=bogus&instance=x&from=3/11/2026&assignee=me"))).toEqual({
      ...defaultFilters,
      assignee: "me",
    });
    expect(queryOfFilters(defaultFilters, new URLSearchParams())).toBe("");
  });
});
