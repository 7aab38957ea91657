import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/server/db/client";
import { enqueue } from "~/server/jobs/enqueue";
import { makeOrganization } from "../support/factory";

async function jobsWithCheckId(checkId: string) {
  return db().$queryRaw<
    { state: string }[]
  >`SELECT state::text AS state FROM pgboss.job WHERE name = 'system.realtime-check' AND data->>'checkId' = ${checkId}`;
}

describe("queue", () => {
  it("a job enqueued inside a transaction exists only if the transaction commits", async () => {
    const org = await makeOrganization();
    const payload = (checkId: string) => ({
      organizationId: org.organizationId,
      requestedBy: org.ownerId,
      checkId,
      requestedAt: new Date().toISOString(),
    });

    const rolledBack = randomUUID();
    await db()
      .$transaction(async (tx) => {
        await enqueue("system.realtime-check", payload(rolledBack), { tx });
        throw new Error("abort");
      })
      .catch(() => undefined);
    expect(await jobsWithCheckId(rolledBack)).toEqual([]);

    const committed = randomUUID();
    await db().$transaction(async (tx) => {
      await enqueue("system.realtime-check", payload(committed), { tx });
    });
    expect(await jobsWithCheckId(committed)).toHaveLength(1);
    // The worker process picks it up and completes it.
    await expect.poll(async () => (await jobsWithCheckId(committed))[0]?.state, { timeout: 15_000 }).toBe("completed");
  });

  it("refuses a payload its queue does not accept", async () => {
    await expect(enqueue("system.realtime-check", { organizationId: "nope" } as never)).rejects.toThrow(
      /Invalid payload/,
    );
  });

  it("the heartbeat is scheduled as a cron job and has run on the worker", async () => {
    const schedules = await db().$queryRaw<
      { cron: string }[]
    >`SELECT cron FROM pgboss.schedule WHERE name = 'system.heartbeat'`;
    expect(schedules).toEqual([{ cron: "*/30 * * * * *" }]);
    const beat = await db().workerHeartbeat.findFirst({ where: { cronAt: { not: null } } });
    expect(beat?.cronAt).toBeInstanceOf(Date);
  });
});
