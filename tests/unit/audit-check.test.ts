import { describe, expect, it } from "vitest";
// @ts-expect-error -- a plain .mjs CI script without types
import { advisoriesOf, auditUnavailable, unlistedAdvisories } from "../../.ci/audit-check.mjs";

const report = {
  vulnerabilities: {
    "left-pad": {
      via: [
        {
          source: 1,
          name: "left-pad",
          severity: "high",
          title: "Prototype pollution",
          url: "https://github.com/advisories/GHSA-aaaa-bbbb-cccc",
        },
      ],
    },
    // A package vulnerable only through a dependency names it, not an advisory: not counted twice.
    wrapper: { via: ["left-pad"] },
  },
};

describe("audit:check", () => {
  it("fails an advisory the allowlist does not name, or names past its date", () => {
    expect(advisoriesOf(report)).toEqual([
      expect.objectContaining({ id: "GHSA-aaaa-bbbb-cccc", package: "left-pad", severity: "high" }),
    ]);
    expect(unlistedAdvisories(report, { advisories: [] })).toHaveLength(1);
    const listed = {
      advisories: [{ id: "GHSA-aaaa-bbbb-cccc", package: "left-pad", until: "2027-01-31", reason: "dev only" }],
    };
    expect(unlistedAdvisories(report, listed, new Date("2027-01-31T12:00:00Z"))).toEqual([]);
    expect(unlistedAdvisories(report, listed, new Date("2027-02-01T00:00:00Z"))).toHaveLength(1);
    expect(unlistedAdvisories(report, { advisories: [{ ...listed.advisories[0], package: "other" }] })).toHaveLength(1);
  });

  it("passes, saying so, when the advisory service cannot be reached", () => {
    expect(auditUnavailable({ message: "405 Method Not Allowed - POST …/advisories/bulk", statusCode: 405 })).toBe(
      true,
    );
    expect(auditUnavailable({ error: { code: "ENOTFOUND" } })).toBe(true);
    expect(auditUnavailable(report)).toBe(false);
  });
});
