import { describe, expect, it } from "vitest";
import { db } from "~/server/db/client";
import { withOrganization } from "~/server/db/tenant";
import { callerFor, makeOrganization, platformAdminCaller } from "../support/factory";

describe("slow-query log", () => {
  it("records an app query over SLOW_QUERY_MS with its generic plan and no parameter or literal values", async () => {
    const org = await makeOrganization();
    // Over the default 500 ms threshold; a parameter and a literal that must not be kept.
    await withOrganization(
      org.organizationId,
      (tx) =>
        tx.$queryRaw`SELECT pg_sleep(0.6)::text, count(*)::int FROM contacts WHERE phone_e164 = ${"5511987654321"} OR name = 'Ana Segredo'`,
    );
    await withOrganization(
      org.organizationId,
      (tx) =>
        tx.$queryRaw`SELECT pg_sleep(0.6)::text, count(*)::int FROM contacts WHERE phone_e164 = ${"5511911112222"} OR name = 'Ana Segredo'`,
    );
    // A fast one is not recorded.
    await db().$queryRaw`SELECT 'fast query marker'`;

    const admin = await platformAdminCaller();
    const find = async () => (await admin.performance.slowQueries()).find((q) => q.query.includes("pg_sleep"));
    await expect.poll(async () => (await find())?.count, { timeout: 10_000 }).toBe(2);
    const entry = (await find())!;
    expect(entry.maxMs).toBeGreaterThanOrEqual(500);
    expect(entry.query).toContain("$1");
    expect(entry.query).toContain("name = '?'");
    expect(entry.explain).toMatch(/Aggregate|Seq Scan|Index/);
    const stored = JSON.stringify(await admin.performance.slowQueries());
    expect(stored).not.toContain("98765");
    expect(stored).not.toContain("Segredo");
    expect(stored).not.toContain("fast query marker");

    // An organization's admin is not a platform admin: the log is every organization's.
    await expect(callerFor(org.ownerId, org.organizationId).performance.slowQueries()).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
