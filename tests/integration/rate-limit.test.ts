import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimitPool } from "~/server/db/rate-limit-pool";
import { apiRateLimiter, apiRateLimitKey } from "~/server/domain/rate-limits/api-rate-limit";
import { publicRateLimiter } from "~/server/domain/rate-limits/public-rate-limit";
import { webhookRateLimiter } from "~/server/domain/rate-limits/webhook-rate-limit";
import { textUpsert } from "../support/evolution-payloads";
import { inboxFixture } from "../support/inbox-pipeline";
import { webhookSender } from "../support/webhook-post";
import { addMemberWithPassword, callerFor, makeOrganization, TEST_PASSWORD } from "../support/factory";
import { signInOverHttp } from "../support/http-session";
import { baseUrl } from "../support/test-env";

afterAll(async () => {
  await closeRateLimitPool();
});

/** Uses up a member's calls for the current minute, as a burst of calls from any web process would. */
async function exhaust(organizationId: string, userId: string) {
  const limiter = apiRateLimiter();
  await limiter.penalty(apiRateLimitKey({ organizationId, userId }), limiter.points);
}

describe("API rate limit per member and organization", () => {
  it("refuses a member past the limit with RATE_LIMITED; other members and organizations go on", async () => {
    const org = await makeOrganization();
    const colleague = await addMemberWithPassword(org.organizationId, "agent");
    const owner = callerFor(org.ownerId, org.organizationId);
    await owner.instances.list();

    await exhaust(org.organizationId, org.ownerId);
    const refused = await owner.instances.list().catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "TOO_MANY_REQUESTS" });
    expect(
      (refused as { cause?: { details?: { retryAfterSeconds?: number } } }).cause?.details?.retryAfterSeconds,
    ).toSatisfy((seconds: number) => seconds >= 1 && seconds <= 60);

    await expect(callerFor(colleague.userId, org.organizationId).instances.list()).resolves.toBeDefined();
    const other = await makeOrganization();
    await expect(callerFor(other.ownerId, other.organizationId).instances.list()).resolves.toBeDefined();

    // The window over (here: the counter cleared), calls go through again.
    await apiRateLimiter().delete(apiRateLimitKey({ organizationId: org.organizationId, userId: org.ownerId }));
    await expect(owner.instances.list()).resolves.toBeDefined();
  });

  it("the count is shared through Postgres: the web process answers 429 with Retry-After", async () => {
    const org = await makeOrganization();
    const cookie = await signInOverHttp(org.ownerEmail, TEST_PASSWORD);
    const list = () => fetch(`${baseUrl}/api/trpc/instances.list`, { headers: { cookie } });
    expect((await list()).status).toBe(200);

    // Counted in this test process; enforced by the web server, another process.
    await exhaust(org.organizationId, org.ownerId);
    const response = await list();
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await response.json()) as {
      error: { json: { data: { appCode: string; retryAfterSeconds: number } } };
    };
    expect(body.error.json.data).toMatchObject({ appCode: "RATE_LIMITED", retryAfterSeconds: retryAfter });
  });
});

/** The addresses a loopback request can arrive from, as the web server records them. */
const LOOPBACK = ["127.0.0.1", "::1", "::ffff:127.0.0.1"];

describe("rate limits on webhooks and public routes", () => {
  it("refuses an instance's webhook deliveries past the limit with 429 and Retry-After; others go on", async () => {
    const { providerName, instanceId } = await inboxFixture();
    const other = await inboxFixture();
    const post = await webhookSender(providerName);
    const body = textUpsert(providerName, { remoteJid: "5511987653001@s.whatsapp.net" }, "oi");
    expect((await post(body)).status).toBe(200);

    const limiter = webhookRateLimiter();
    await limiter.penalty(instanceId, limiter.points);
    const refused = await post(body);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toSatisfy((s: number) => s >= 1 && s <= 60);
    const otherPost = await webhookSender(other.providerName);
    expect(
      (await otherPost(textUpsert(other.providerName, { remoteJid: "5511987653002@s.whatsapp.net" }, "oi"))).status,
    ).toBe(200);

    await limiter.delete(instanceId);
    expect((await post(body)).status).toBe(200);
  });

  it("refuses sign-in posts from an address past the public limit with 429 and Retry-After", async () => {
    const org = await makeOrganization();
    const limiter = publicRateLimiter();
    try {
      for (const ip of LOOPBACK) await limiter.penalty(ip, limiter.points);
      const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: org.ownerEmail, password: TEST_PASSWORD }),
        redirect: "manual",
      });
      expect(response.status).toBe(429);
      expect(Number(response.headers.get("retry-after"))).toSatisfy((s: number) => s >= 1 && s <= 60);
      expect(await response.json()).toMatchObject({ code: "RATE_LIMITED", reason: "publicRateLimited" });
    } finally {
      for (const ip of LOOPBACK) await limiter.delete(ip);
    }
    await expect(signInOverHttp(org.ownerEmail, TEST_PASSWORD)).resolves.toContain("session-token=");
  });
});
