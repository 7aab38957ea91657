import { describe, expect, it } from "vitest";
import { z } from "zod";
import { appRouter } from "./root";
import { organizationProcedure, router } from "./trpc";

/** Names of the procedures in a router that declare no `.output()` schema. */
function proceduresWithoutOutput(target: { _def: { procedures: object } }): string[] {
  return Object.entries(target._def.procedures)
    .filter(([, procedure]) => !(procedure as { _def: { output?: unknown } })._def.output)
    .map(([path]) => path);
}

describe("tRPC procedures", () => {
  it("all declare an output schema (architecture.md: schema, access check, one domain call, .output())", () => {
    expect(Object.keys(appRouter._def.procedures).length).toBeGreaterThan(50);
    expect(proceduresWithoutOutput(appRouter)).toEqual([]);
  });

  it("a procedure without one is named", () => {
    const planted = router({
      typed: organizationProcedure.output(z.void()).query(() => undefined),
      untyped: organizationProcedure.query(() => "anything"),
      nested: router({ untyped: organizationProcedure.mutation(() => 1) }),
    });
    expect(proceduresWithoutOutput(planted)).toEqual(["untyped", "nested.untyped"]);
  });
});
