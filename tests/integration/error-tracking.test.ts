import { randomUUID } from "node:crypto";
import type { Job } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOrganization } from "~/server/db/tenant";
import { flushSentry } from "~/server/domain/errors/forward-to-sentry";
import { recordError } from "~/server/domain/errors/record-error";
import { handlers } from "~/workers/handlers";
import { runJob } from "~/workers/run-job";
import {
  addMemberWithPassword,
  callerFor,
  makeOrganization,
  platformAdminCaller,
  TEST_PASSWORD,
} from "../support/factory";
import { signInOverHttp } from "../support/http-session";
import { startSentryReceiver } from "../support/sentry-receiver";
import { baseUrl, testEnv } from "../support/test-env";

let sentry: Awaited<ReturnType<typeof startSentryReceiver>>;
beforeAll(async () => {
  sentry = await startSentryReceiver(Number(new URL(testEnv.SENTRY_DSN).port));
});
afterAll(async () => {
  await sentry?.close();
});

const PHONE = "+55 11 98765-4321";
const worker = { workerId: "test-worker", startedAt: new Date() };

/** Runs one alerts.evaluate job through the worker's real job runner, its handler made to throw. */
async function failingJob(organizationId: string, attempt: number) {
  const original = handlers["alerts.evaluate"];
  handlers["alerts.evaluate"] = () =>
    // The message varies (an id, a count) but is the same failure: one group.
    Promise.reject(new Error(`Evolution refused ${PHONE} after ${attempt} tries, apikey=sk-live-${randomUUID()}`));
  try {
    const job = { id: randomUUID(), name: "alerts.evaluate", data: { organizationId }, retryCount: attempt };
    return await runJob("alerts.evaluate", { ...job, signal: new AbortController().signal } as Job<object>, worker);
  } finally {
    handlers["alerts.evaluate"] = original;
  }
}

const browserReport = (message: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    kind: "boundary",
    name: "TypeError",
    message,
    stack: `TypeError: ${message}\n    at ConversationView (http://localhost:3100/_next/static/chunks/app-123.js:1:4567)`,
    path: "/inbox?q=segredo",
    ...extra,
  });

describe("error tracking", () => {
  it("groups a worker job's failures (count 2 after two throws), sanitized; a resolved group reopens when it recurs", async () => {
    const org = await makeOrganization();
    const owner = callerFor(org.ownerId, org.organizationId);
    expect((await failingJob(org.organizationId, 1)).status).toBe("failed");
    expect((await failingJob(org.organizationId, 2)).status).toBe("failed");

    const { groups, canSeeSystem } = await owner.errors.list({ scope: "organization" });
    expect(canSeeSystem).toBe(false);
    expect(groups).toHaveLength(1);
    const [group] = groups;
    expect(group).toMatchObject({ source: "worker", errorName: "Error", status: "open", count: 2, system: false });
    expect(group!.message).toBe("Evolution refused <phone> after <n> tries, apikey=<token>");

    const detail = await owner.errors.get({ groupId: group!.id });
    expect(detail.occurrences).toHaveLength(2);
    expect(detail.occurrences[0]!.context).toMatchObject({ queue: "alerts.evaluate", retryCount: 2 });
    expect(detail.occurrences[0]!.release).toBeTruthy();
    const stored = JSON.stringify(detail);
    expect(stored).not.toContain("98765");
    expect(stored).not.toContain("sk-live");
    expect(detail.occurrences[0]!.stack).toContain("error-tracking.test.ts");

    await owner.errors.setStatus({ groupId: group!.id, status: "resolved" });
    await failingJob(org.organizationId, 3);
    expect((await owner.errors.get({ groupId: group!.id })).status).toBe("open");
    expect((await owner.errors.get({ groupId: group!.id })).count).toBe(3);
    // Ignored stays ignored, still counted.
    await owner.errors.setStatus({ groupId: group!.id, status: "ignored" });
    await failingJob(org.organizationId, 4);
    expect(await owner.errors.get({ groupId: group!.id })).toMatchObject({ status: "ignored", count: 4 });
    const audit = await withOrganization(org.organizationId, (tx) =>
      tx.auditLog.findMany({ where: { action: "error_group.status" }, orderBy: { createdAt: "asc" } }),
    );
    expect(audit.map((a) => a.metadata)).toEqual([
      { from: "open", to: "resolved", system: false },
      { from: "open", to: "ignored", system: false },
    ]);

    // Another organization sees none of it; agents are refused.
    const other = await makeOrganization();
    expect(
      (await callerFor(other.ownerId, other.organizationId).errors.list({ scope: "organization" })).groups,
    ).toEqual([]);
    await expect(
      callerFor(other.ownerId, other.organizationId).errors.get({ groupId: group!.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const agent = await addMemberWithPassword(org.organizationId, "agent");
    await expect(
      callerFor(agent.userId, org.organizationId).errors.list({ scope: "organization" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(owner.errors.list({ scope: "system" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("forwards each recorded error to a Sentry-compatible DSN, sanitized, with release and fingerprint", async () => {
    const org = await makeOrganization();
    const marker = `forwarded-${randomUUID().slice(0, 8)}`;
    await recordError({
      source: "worker",
      error: new Error(`${marker} for ${PHONE}`),
      organizationId: org.organizationId,
      context: { queue: "messages.send", phone: "5511987654321", messageText: "olá" },
    });
    await flushSentry();
    const events = () =>
      sentry.envelopes.flatMap((e) => e.items).filter((item) => JSON.stringify(item).includes(marker));
    await expect.poll(() => events().length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(sentry.envelopes.some((e) => e.path.startsWith("/api/7/envelope"))).toBe(true);
    const event = events()[0] as {
      exception: { values: { type: string; value: string }[] };
      release: string;
      fingerprint: string[];
      tags: Record<string, string>;
      contexts: { mirage: Record<string, unknown> };
    };
    expect(event.exception.values[0]).toMatchObject({ type: "Error", value: `${marker} for <phone>` });
    expect(event.release).toBeTruthy();
    expect(event.fingerprint).toHaveLength(1);
    expect(event.tags).toMatchObject({ source: "worker", organization_id: org.organizationId });
    expect(event.contexts.mirage).toMatchObject({ queue: "messages.send" });
    const sent = JSON.stringify(events());
    expect(sent).not.toContain("98765");
    expect(sent).not.toContain("olá");
  });

  it("takes browser reports at /api/errors: a member's to the organization, others system-wide; capped and validated", async () => {
    const org = await makeOrganization();
    const cookie = await signInOverHttp(org.ownerEmail, TEST_PASSWORD);
    const post = (body: string, headers: Record<string, string> = {}) =>
      fetch(`${baseUrl}/api/errors`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body,
      });
    const marker = `render-${randomUUID().slice(0, 8)}`;
    expect((await post(browserReport(`${marker} ${PHONE}`), { cookie })).status).toBe(204);
    expect((await post(browserReport(`${marker} ${PHONE}`), { cookie })).status).toBe(204);
    const owner = callerFor(org.ownerId, org.organizationId);
    const [group] = (await owner.errors.list({ scope: "organization" })).groups;
    expect(group).toMatchObject({ source: "browser", errorName: "TypeError", count: 2 });
    const detail = await owner.errors.get({ groupId: group!.id });
    expect(detail.occurrences[0]!.context).toMatchObject({ kind: "boundary", path: "/inbox" });
    expect(JSON.stringify(detail)).not.toContain("segredo");
    expect(JSON.stringify(detail)).not.toContain("98765");

    // Signed out: system-wide, seen only by a platform admin (PLATFORM_ADMIN_EMAILS).
    const systemMarker = `signed-out-${randomUUID().slice(0, 8)}`;
    expect((await post(browserReport(systemMarker))).status).toBe(204);
    expect((await owner.errors.list({ scope: "organization" })).groups).toHaveLength(1);
    const platformAdmin = await platformAdminCaller();
    const system = await platformAdmin.errors.list({ scope: "system" });
    expect(system.canSeeSystem).toBe(true);
    const systemGroup = system.groups.find((g) => g.message.startsWith("signed-out-"));
    expect(systemGroup).toMatchObject({ source: "browser", system: true });
    await platformAdmin.errors.setStatus({ groupId: systemGroup!.id, status: "resolved" });
    await expect(owner.errors.get({ groupId: systemGroup!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    expect((await post("x".repeat(20_000), { cookie })).status).toBe(413);
    expect((await post(JSON.stringify({ kind: "nonsense", message: 1 }), { cookie })).status).toBe(422);
    expect((await post("{not json", { cookie })).status).toBe(400);
  });
});
