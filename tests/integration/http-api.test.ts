import { describe, expect, it } from "vitest";
import { makeOrganization, TEST_PASSWORD } from "../support/factory";
import { signInOverHttp, trpcMutation } from "../support/http-session";
import { baseUrl, testEnv } from "../support/test-env";

describe("HTTP surface", () => {
  it("validation errors reach the browser as codes: issue path, zod code and params, never zod's sentences", async () => {
    const org = await makeOrganization();
    const cookie = await signInOverHttp(org.ownerEmail, TEST_PASSWORD);
    const { status, body } = await trpcMutation(cookie, "members.invite", { email: "nope", role: "agent" });
    expect(status).toBe(422);
    expect(body.error!.json.data).toMatchObject({ appCode: "VALIDATION", reason: "checkFields" });
    expect(body.error!.json.data.fieldErrors).toEqual({
      email: [{ reason: "invalid_format", params: { format: "email" } }],
    });
  });

  it("requires a session", async () => {
    const { status, body } = await trpcMutation("", "members.invite", { email: "a@b.co", role: "agent" });
    expect(status).toBe(401);
    expect(body.error!.json.data).toMatchObject({ appCode: "UNAUTHENTICATED", reason: "signInRequired", params: null });
  });

  it("sign-in is rate limited per account, even with the right password afterwards", async () => {
    const org = await makeOrganization();
    for (let i = 0; i < Number(testEnv.SIGN_IN_MAX_FAILURES_PER_ACCOUNT); i++) {
      await expect(signInOverHttp(org.ownerEmail, "wrong-password")).rejects.toThrow();
    }
    await expect(signInOverHttp(org.ownerEmail, TEST_PASSWORD)).rejects.toThrow();
    const response = await fetch(`${baseUrl}/api/auth/csrf`);
    expect(response.ok).toBe(true);
  });

  it("health, readiness and metrics", async () => {
    expect(await (await fetch(`${baseUrl}/api/health`)).json()).toMatchObject({ ok: true });
    const ready = await fetch(`${baseUrl}/api/health/ready`);
    expect(ready.status).toBe(200);
    const readiness = (await ready.json()) as { ok: boolean; checks: Record<string, { ok: boolean }> };
    expect(Object.keys(readiness.checks).sort()).toEqual(["database", "migrations", "queue", "worker"]);
    expect(Object.values(readiness.checks).every((c) => c.ok)).toBe(true);

    expect((await fetch(`${baseUrl}/api/metrics`)).status).toBe(401);
    const scrape = () =>
      fetch(`${baseUrl}/api/metrics`, { headers: { authorization: `Bearer ${testEnv.METRICS_TOKEN}` } });
    const metrics = await scrape();
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get("x-request-id")).toBeTruthy();
    const text = await metrics.text();
    expect(text).toMatch(/mirage_http_requests_total\{method="GET",route="\/api\/health",status="200"\} \d+/);
    expect(text).toMatch(/mirage_queue_jobs\{queue="system.heartbeat",state="created"\} \d+/);
    // Job metrics come from the worker process, through the snapshot it stores every 10 s.
    await expect
      .poll(async () => (await scrape()).text(), { timeout: 25_000, interval: 1000 })
      .toMatch(/mirage_job_duration_seconds_count\{queue="system.heartbeat",outcome="completed"\} \d+/);
  });
});
