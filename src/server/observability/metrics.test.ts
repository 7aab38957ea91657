import { describe, expect, it } from "vitest";
import { routeLabel } from "./metrics";

describe("routeLabel", () => {
  it("keeps label cardinality low", () => {
    expect(routeLabel("/_next/static/chunks/abc.js")).toBe("/_next/*");
    expect(routeLabel("/api/trpc/members.list")).toBe("/api/trpc/members.list");
    expect(routeLabel("/api/trpc/members.list,system.me")).toBe("/api/trpc/batch");
    expect(routeLabel("/instances/0195d6c4-7a3e-7cc0-9f6e-1c2b3d4e5f60/timeline")).toBe("/instances/:id/timeline");
    expect(routeLabel("/socket.io/")).toBe("/socket.io");
  });
});
