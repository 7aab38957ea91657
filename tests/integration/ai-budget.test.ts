import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { withOrganization } from "~/server/db/tenant";
import { callAiProvider } from "~/server/domain/ai/call-ai-provider";
import { allowExternalAi, connectTestProvider } from "../support/ai-settings";
import { TEST_PASSWORD } from "../support/factory";
import { signInOverHttp } from "../support/http-session";
import { inboxFixture } from "../support/inbox-pipeline";
import { startOpenAiCompatibleServer } from "../support/openai-compatible-server";
import { closeSockets, connectSocket } from "../support/socket-client";

const API_KEY = "sk-test-budget-0123456789";
let server: Awaited<ReturnType<typeof startOpenAiCompatibleServer>>;

beforeAll(async () => {
  server = await startOpenAiCompatibleServer({
    apiKey: API_KEY,
    answer: () => ({}),
    reply: () => "ok",
    usage: { prompt_tokens: 1000, completion_tokens: 500 },
    // Slow enough that every admitted call is still in flight while the others ask to be admitted.
    delayMs: 150,
  });
});
afterAll(async () => {
  await server?.close();
});
afterEach(closeSockets);

/** Priced so each call costs R$ 0,30 (1000 × 100 + 500 × 400 per 1M tokens). */
async function budgetFixture(monthlyBudget: number) {
  const fixture = await inboxFixture();
  await connectTestProvider(fixture.owner, server, API_KEY);
  await allowExternalAi(fixture.owner, { monthlyBudget });
  return fixture;
}

const call = (organizationId: string, index: number) =>
  callAiProvider({
    organizationId,
    feature: "summary",
    promptVersion: "budget-test",
    messages: [{ role: "user", content: `Resuma a conversa ${index}.` }],
  });

async function settledSpend(organizationId: string) {
  return withOrganization(organizationId, async (tx) => {
    const rows = await tx.aiCall.groupBy({
      by: ["outcome"],
      where: { organizationId },
      _sum: { cost: true },
      _count: true,
    });
    return Object.fromEntries(
      rows.map((row) => [row.outcome, { count: row._count, cost: Number(row._sum.cost ?? 0) }]),
    );
  });
}

describe("AI budget under concurrency", () => {
  it("40 calls fired at once against a R$ 1,50 cap: spend ends at most one call over it, every call settled", async () => {
    const { org } = await budgetFixture(1.5);
    const before = server.requests.length;
    const results = await Promise.all(Array.from({ length: 40 }, (_, index) => call(org.organizationId, index)));
    const admitted = results.filter((result) => result.ok).length;
    const refused = results.filter((result) => !result.ok && result.refusal === "budget_exhausted").length;
    expect(admitted + refused).toBe(40);
    expect(server.requests.length - before).toBe(admitted);

    const byOutcome = await settledSpend(org.organizationId);
    // No reservation is left behind: each admitted call was settled at its real cost.
    expect(byOutcome.reserved).toBeUndefined();
    expect(byOutcome.ok!.count).toBe(admitted);
    expect(byOutcome.budget_exhausted!.count).toBe(refused);
    expect(byOutcome.ok!.cost).toBeCloseTo(admitted * 0.3);
    // The cap holds within one call's cost (R$ 0,30), though 40 calls checked it at the same moment.
    expect(byOutcome.ok!.cost).toBeLessThanOrEqual(1.5 + 0.3 + 1e-9);
    expect(admitted).toBeGreaterThanOrEqual(2);
  });

  it("the 80% and 100% notices reach members live in the alerts bell, once each", async () => {
    // R$ 0,60: the 2nd call passes 80% and reaches 100% together; the 3rd never leaves.
    const { org, owner } = await budgetFixture(0.6);
    const socket = await connectSocket(await signInOverHttp(org.ownerEmail, TEST_PASSWORD));
    const notified: string[] = [];
    socket.on("alert.notified", (event: { notificationId: string }) => notified.push(event.notificationId));

    expect((await call(org.organizationId, 1)).ok).toBe(true);
    expect((await owner.alerts.notifications()).items).toEqual([]);
    expect((await call(org.organizationId, 2)).ok).toBe(true);
    expect(await call(org.organizationId, 3)).toEqual({ ok: false, refusal: "budget_exhausted" });
    expect(await call(org.organizationId, 4)).toEqual({ ok: false, refusal: "budget_exhausted" });

    const bell = await owner.alerts.notifications();
    expect(bell.unread).toBe(2);
    expect(bell.items.map((item) => item.kind).sort()).toEqual(["ai_budget_alert", "ai_budget_exhausted"]);
    expect(bell.items.find((item) => item.kind === "ai_budget_exhausted")!.params).toMatchObject({
      percent: 100,
      spent: "0.60",
      budget: "0.60",
      currency: "BRL",
    });
    await expect
      .poll(() => [...notified].sort(), { timeout: 10_000 })
      .toEqual(bell.items.map((item) => item.id).sort());
    const audits = await withOrganization(org.organizationId, (tx) =>
      tx.auditLog.findMany({ where: { action: { in: ["ai.budget_alert", "ai.budget_exhausted"] } } }),
    );
    expect(audits.map((row) => row.action).sort()).toEqual(["ai.budget_alert", "ai.budget_exhausted"]);
  });
});
