import { describe, expect, it } from "vitest";
import { withOrganization } from "~/server/db/tenant";
import { callerFor, makeOrganization, platformAdminCaller, TEST_PASSWORD } from "../support/factory";
import { signInOverHttp } from "../support/http-session";
import { baseUrl } from "../support/test-env";

type Admin = Awaited<ReturnType<typeof platformAdminCaller>>;

/** Waits on the request's state (the real web or worker process records it), never on a sleep. */
async function recorded(admin: Admin, profileId: string) {
  await expect
    .poll(async () => (await admin.performance.profiles()).find((p) => p.id === profileId)?.state, {
      timeout: 60_000,
      interval: 250,
    })
    .toBe("done");
  return (await admin.performance.profiles()).find((p) => p.id === profileId)!;
}

async function download(cookie: string, profileId: string) {
  return fetch(`${baseUrl}/api/profiles/${profileId}`, { headers: { cookie } });
}

async function platformAdminCookie(): Promise<string> {
  return signInOverHttp(process.env.PLATFORM_ADMIN_EMAILS!.split(",")[0]!, TEST_PASSWORD);
}

describe("profiling on request", () => {
  it("records a 2 s CPU profile in the worker; a second request waits for the first instead of overlapping", async () => {
    const admin = await platformAdminCaller();
    const first = await admin.performance.requestProfile({ kind: "cpu", target: "worker", durationSeconds: 2 });
    const second = await admin.performance.requestProfile({ kind: "cpu", target: "worker", durationSeconds: 1 });
    // The same request while it still waits is the same profile (a double click).
    expect(
      (await admin.performance.requestProfile({ kind: "cpu", target: "worker", durationSeconds: 1 })).profileId,
    ).toBe(second.profileId);

    const a = await recorded(admin, first.profileId);
    const b = await recorded(admin, second.profileId);
    expect(a.processLabel).toMatch(/^.+:\d+$/);
    expect(b.processLabel).toBe(a.processLabel);
    // One at a time in a process: the second began only once the first had finished.
    expect(b.startedAt!.getTime()).toBeGreaterThanOrEqual(a.finishedAt!.getTime());
    expect(a.finishedAt!.getTime() - a.startedAt!.getTime()).toBeGreaterThanOrEqual(2_000);

    const cookie = await platformAdminCookie();
    const response = await download(cookie, first.profileId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="mirage-worker-.+\.cpuprofile"$/,
    );
    const body = await response.text();
    expect(Buffer.byteLength(body)).toBe(a.sizeBytes);
    const profile = JSON.parse(body) as { nodes: unknown[]; startTime: number; endTime: number; samples: number[] };
    expect(profile.nodes.length).toBeGreaterThan(1);
    expect(profile.samples.length).toBeGreaterThan(0);
    // Microseconds: the profiler sampled for the two seconds asked.
    expect(profile.endTime - profile.startTime).toBeGreaterThanOrEqual(1_900_000);
    expect(profile.endTime - profile.startTime).toBeLessThan(10_000_000);

    const adminMembership = await admin.system.me();
    const audit = await withOrganization(adminMembership.organizationId, (tx) =>
      tx.auditLog.findMany({
        where: { targetId: { in: [first.profileId, second.profileId] } },
        select: { action: true, targetId: true, metadata: true },
      }),
    );
    expect(audit).toEqual(
      expect.arrayContaining([
        {
          action: "profile.requested",
          targetId: first.profileId,
          metadata: { target: "worker", kind: "cpu", durationSeconds: 2 },
        },
        {
          action: "profile.requested",
          targetId: second.profileId,
          metadata: { target: "worker", kind: "cpu", durationSeconds: 1 },
        },
        { action: "profile.downloaded", targetId: first.profileId, metadata: { target: "worker", kind: "cpu" } },
      ]),
    );
    expect(audit).toHaveLength(3);
  }, 120_000);

  it("takes a heap snapshot of the web process that parses as one", async () => {
    const admin = await platformAdminCaller();
    const { profileId } = await admin.performance.requestProfile({ kind: "heap", target: "web" });
    const row = await recorded(admin, profileId);
    expect(row.sizeBytes).toBeGreaterThan(1_000_000);
    const response = await download(await platformAdminCookie(), profileId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/mirage-web-.+\.heapsnapshot"$/);
    const snapshot = JSON.parse(await response.text()) as {
      snapshot: { meta: { node_fields: string[] }; node_count: number };
      nodes: number[];
      strings: string[];
    };
    expect(snapshot.snapshot.meta.node_fields).toContain("name");
    expect(snapshot.nodes.length).toBe(snapshot.snapshot.node_count * snapshot.snapshot.meta.node_fields.length);
    // It is the web process's heap: Next's server code is in it.
    expect(snapshot.strings.some((s) => s.includes("next"))).toBe(true);
  }, 120_000);

  it("is refused to an organization's owner who is not a platform admin, over tRPC and the download route", async () => {
    const admin = await platformAdminCaller();
    const { profileId } = await admin.performance.requestProfile({ kind: "cpu", target: "worker", durationSeconds: 1 });
    await recorded(admin, profileId);

    const org = await makeOrganization();
    const owner = callerFor(org.ownerId, org.organizationId);
    await expect(
      owner.performance.requestProfile({ kind: "cpu", target: "worker", durationSeconds: 5 }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(owner.performance.profiles()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const ownerCookie = await signInOverHttp(org.ownerEmail, TEST_PASSWORD);
    expect((await download(ownerCookie, profileId)).status).toBe(403);
    expect((await download("", profileId)).status).toBe(401);
    // Bounds and ids are checked at the edge.
    await expect(
      admin.performance.requestProfile({ kind: "cpu", target: "worker", durationSeconds: 121 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await download(await platformAdminCookie(), "not-a-uuid")).status).toBe(422);
  }, 120_000);
});
