import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOrganization } from "~/server/db/tenant";
import { callAiProvider } from "~/server/domain/ai/call-ai-provider";
import { purgeAiCalls } from "~/server/domain/ai/purge-ai-calls";
import { metrics } from "~/server/observability/metrics";
import { allowExternalAi, connectTestProvider } from "../support/ai-settings";
import { textUpsert } from "../support/evolution-payloads";
import { deliver, inboxFixture } from "../support/inbox-pipeline";
import { startOpenAiCompatibleServer } from "../support/openai-compatible-server";

/** The default prompts are each organization's version 1. */
const PROMPT_VERSION = "classification-v1";
const SUMMARY_PROMPT_VERSION = "summary-v1";

const API_KEY = "sk-test-call-path-0123456789";
let server: Awaited<ReturnType<typeof startOpenAiCompatibleServer>>;

beforeAll(async () => {
  server = await startOpenAiCompatibleServer({
    apiKey: API_KEY,
    answer: () => ({ sentiment: "neutral", sentiment_score: 0, label: "question", confidence: 0.9, language: "pt" }),
    reply: () => "Cliente quer trocar o pedido 4521; troca combinada pela loja.",
    usage: { prompt_tokens: 1000, completion_tokens: 500 },
  });
});
afterAll(async () => {
  await server?.close();
});

type Fixture = Awaited<ReturnType<typeof inboxFixture>>;

/** An organization with the test server as provider, priced so each call costs R$ 0,30 (1000 × 100 + 500 × 400). */
async function providerFixture(settings: Parameters<typeof allowExternalAi>[1] = {}) {
  const fixture = await inboxFixture();
  await connectTestProvider(fixture.owner, server, API_KEY);
  await allowExternalAi(fixture.owner, settings);
  return fixture;
}

async function inbound(fixture: Fixture, phone: string, text: string) {
  const { org, instanceId, providerName } = fixture;
  await deliver(
    org.organizationId,
    instanceId,
    textUpsert(providerName, { remoteJid: `${phone}@s.whatsapp.net` }, text),
  );
  let found: { messageId: string; engine: string; conversationId: string; contactId: string } | null = null;
  await expect
    .poll(
      async () => {
        const insight = await withOrganization(org.organizationId, (tx) =>
          tx.messageInsight.findFirst({
            where: { message: { body: text } },
            select: {
              messageId: true,
              engine: true,
              message: { select: { conversationId: true, conversation: { select: { contactId: true } } } },
            },
          }),
        );
        found = insight && {
          messageId: insight.messageId,
          engine: insight.engine,
          conversationId: insight.message.conversationId,
          contactId: insight.message.conversation.contactId!,
        };
        return found;
      },
      { timeout: 20_000 },
    )
    .not.toBeNull();
  return found!;
}

function userContents(since: number) {
  return server.requests.slice(since).map((request) => request.body.messages.find((m) => m.role === "user")!.content);
}

describe("AI call path: every call logged, priced, budgeted, redacted and allowed", () => {
  it("logs a provider classification with tokens, cost, latency and the redacted input; the log filters and opens it", async () => {
    const fixture = await providerFixture();
    const { owner } = fixture;
    const before = server.requests.length;
    const text = "Oi, sou a Ana (ana.souza@exemplo.com.br, CPF 123.456.789-09, fone 11 91234-5678): qual o prazo?";
    expect((await inbound(fixture, "5511987003001", text)).engine).toBe("provider");

    expect(userContents(before)).toEqual(["Oi, sou a Ana ([email], CPF [cpf], fone [telefone]): qual o prazo?"]);
    const { calls } = await owner.ai.callLog({ feature: "classification", limit: 50 });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      feature: "classification",
      engine: "provider",
      model: "test-model",
      promptVersion: PROMPT_VERSION,
      tokensIn: 1000,
      tokensOut: 500,
      cost: 0.3,
      outcome: "ok",
      errorCode: null,
    });
    expect(calls[0]!.latencyMs).toBeGreaterThanOrEqual(0);
    const opened = await owner.ai.callDetail({ callId: calls[0]!.id });
    expect(JSON.stringify(opened.input)).toContain("[cpf]");
    expect(JSON.stringify(opened.input)).not.toContain("123.456.789-09");

    // The failed "Testar conexão" is logged with its error code; filters separate the two.
    await owner.ai.saveProvider({ baseUrl: server.baseUrl, apiKey: "sk-wrong", model: "test-model", timeoutMs: 5000 });
    expect(await owner.ai.testProvider()).toMatchObject({ ok: false, failure: "unauthorized" });
    const failed = await owner.ai.callLog({ outcome: "failed", limit: 50 });
    expect(failed.calls).toEqual([
      expect.objectContaining({ feature: "test_connection", errorCode: "unauthorized_401", cost: 0 }),
    ]);
    expect((await owner.ai.callLog({ model: "other-model", limit: 50 })).calls).toEqual([]);
    expect((await owner.ai.callLog({ from: new Date(Date.now() + 60_000).toISOString(), limit: 50 })).calls).toEqual(
      [],
    );
    expect((await owner.ai.settings()).spend).toMatchObject({ spent: 0.3, ratio: null, exhausted: false });
  });

  it("without redaction the provider receives the text as written", async () => {
    const fixture = await providerFixture({ redactPersonalData: false });
    const before = server.requests.length;
    const text = "Meu e-mail é bia@exemplo.com e o CNPJ 12.345.678/0001-95";
    await inbound(fixture, "5511987003002", text);
    expect(userContents(before)).toEqual([text]);
  });

  it("the budget stops external calls at the cap: alert once at 80%, then the local engine and no more requests", async () => {
    // R$ 1,00 a month; R$ 0,30 a call: the 3rd call passes 80%, the 4th reaches 100%, the 5th never leaves.
    const fixture = await providerFixture({ monthlyBudget: 1 });
    const { org, owner } = fixture;
    const before = server.requests.length;
    const engines: string[] = [];
    for (let index = 0; index < 5; index++)
      engines.push((await inbound(fixture, `55119870031${index}`, `Qual o horário de vocês, loja ${index}?`)).engine);
    expect(engines).toEqual(["provider", "provider", "provider", "provider", "local"]);
    expect(server.requests.length - before).toBe(4);

    const settings = await owner.ai.settings();
    expect(settings.spend).toMatchObject({ ratio: 1.2, alert: true, exhausted: true });
    expect(settings.spend.spent).toBeCloseTo(1.2);
    const alerts = await withOrganization(org.organizationId, (tx) =>
      tx.auditLog.findMany({ where: { action: "ai.budget_alert" } }),
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.metadata).toMatchObject({ percent: 90, budget: 1, currency: "BRL" });
    expect((await owner.ai.callLog({ outcome: "budget_exhausted", limit: 50 })).calls).toHaveLength(1);
    // The local engine's run is logged at cost 0.
    expect((await owner.ai.callLog({ model: "nlpjs", limit: 50 })).calls).toEqual([
      expect.objectContaining({ engine: "local", cost: 0, outcome: "ok" }),
    ]);
    // A summary asked for now is made locally and says why.
    const { conversationId } = await inbound(fixture, "5511987003199", "Preciso trocar o produto que comprei ontem.");
    const summary = await owner.ai.summarizeConversation({ conversationId });
    expect(summary).toMatchObject({ engine: "local", fallbackReason: "budget_exhausted" });
    expect(server.requests.length - before).toBe(4);
    expect(await owner.ai.testProvider()).toEqual({ ok: false, failure: "budget_exhausted", status: null });
  });

  it("with 'enviar dados a provedor externo' off nothing reaches the server; turning it on is audited", async () => {
    const fixture = await providerFixture({ externalTransfer: false });
    const { org, owner } = fixture;
    const before = server.requests.length;
    expect((await inbound(fixture, "5511987003201", "Vocês entregam em Campinas?")).engine).toBe("local");
    expect(await owner.ai.testProvider()).toEqual({ ok: false, failure: "external_transfer_off", status: null });
    expect((await owner.ai.overview({ days: 7 })).engine.kind).toBe("local");
    expect(server.requests.length).toBe(before);

    await allowExternalAi(owner, { externalTransfer: true });
    const audits = await withOrganization(org.organizationId, (tx) =>
      tx.auditLog.findMany({ where: { action: "ai_settings.saved" }, orderBy: { createdAt: "asc" } }),
    );
    expect(audits.at(-1)!.metadata).toMatchObject({ transferNoticeAccepted: true });
    expect((await inbound(fixture, "5511987003202", "Vocês entregam em Sorocaba?")).engine).toBe("provider");
  });

  it("a contact marked 'sem IA' never reaches the server, not even in a summary", async () => {
    const fixture = await providerFixture();
    const { org, owner } = fixture;
    const { contactId, conversationId } = await inbound(fixture, "5511987003301", "Quero saber do meu pedido.");
    await owner.ai.setContactAiOptOut({ contactId, aiOptOut: true });
    const before = server.requests.length;
    await deliver(
      org.organizationId,
      fixture.instanceId,
      textUpsert(fixture.providerName, { remoteJid: "5511987003301@s.whatsapp.net" }, "Meu pedido 777 atrasou."),
    );
    const summary = await owner.ai.summarizeConversation({ conversationId });
    expect(summary).toMatchObject({ engine: "local", model: "extractive", fallbackReason: "contact_ai_opt_out" });
    expect(summary.summary).toContain("pedido");
    const direct = await callAiProvider({
      organizationId: org.organizationId,
      feature: "suggestion",
      promptVersion: "test",
      contactIds: [contactId],
      messages: [{ role: "user", content: "Quero saber do meu pedido." }],
    });
    expect(direct).toEqual({ ok: false, refusal: "contact_ai_opt_out" });
    expect(server.requests.length).toBe(before);
  });

  it("summarises on demand through the provider (redacted, logged) and again when the conversation is closed", async () => {
    const fixture = await providerFixture();
    const { owner } = fixture;
    const { conversationId } = await inbound(
      fixture,
      "5511987003401",
      "Meu pedido 4521 veio quebrado, meu fone é 11 98888-7777.",
    );
    const before = server.requests.length;
    const summary = await owner.ai.summarizeConversation({ conversationId });
    expect(summary).toMatchObject({
      trigger: "on_demand",
      engine: "provider",
      model: "test-model",
      promptVersion: SUMMARY_PROMPT_VERSION,
      fallbackReason: null,
      summary: "Cliente quer trocar o pedido 4521; troca combinada pela loja.",
    });
    const sent = userContents(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain("customer: Meu pedido 4521 veio quebrado, meu fone é [telefone].");
    // Nothing new: the same summary, no second call.
    expect((await owner.ai.summarizeConversation({ conversationId })).id).toBe(summary.id);
    expect(server.requests.length - before).toBe(1);
    expect((await owner.ai.callLog({ feature: "summary", limit: 50 })).calls).toHaveLength(1);
    expect(await owner.ai.conversationSummary({ conversationId })).toMatchObject({ id: summary.id });

    await owner.conversations.setStatus({ conversationId, status: "closed" });
    await expect
      .poll(async () => (await owner.ai.conversationSummary({ conversationId }))?.trigger, { timeout: 20_000 })
      .toBe("closed");
  });

  it("counts each call in mirage_ai_* metrics by organization, feature, engine and outcome, with tokens and cost", async () => {
    const { org } = await providerFixture();
    const value = async (name: string, labels: Record<string, string>) => {
      const metric = (await metrics().registry.getMetricsAsJSON()).find((m) => m.name === name);
      const sample = metric?.values.find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l));
      return sample?.value ?? 0;
    };
    const organization_id = org.organizationId;
    const call = () =>
      callAiProvider({
        organizationId: organization_id,
        feature: "suggestion",
        promptVersion: "test",
        contactIds: [],
        messages: [{ role: "user", content: "Quero saber do meu pedido." }],
      });
    expect(await call()).toMatchObject({ ok: true });
    expect(await call()).toMatchObject({ ok: true });
    const okLabels = { organization_id, feature: "suggestion", engine: "provider", outcome: "ok" };
    expect(await value("mirage_ai_calls_total", okLabels)).toBe(2);
    expect(await value("mirage_ai_tokens_total", { organization_id, feature: "suggestion", direction: "in" })).toBe(
      2000,
    );
    expect(await value("mirage_ai_tokens_total", { organization_id, feature: "suggestion", direction: "out" })).toBe(
      1000,
    );
    expect(await value("mirage_ai_cost_total", { organization_id })).toBeCloseTo(0.6, 6);
    const labelValues = (await metrics().registry.getMetricsAsJSON())
      .filter((m) => m.name.startsWith("mirage_ai_"))
      // Organization ids are uuids (their first 8 hex digits may all be digits): the check is for phones and JIDs.
      .flatMap((m) =>
        m.values.flatMap((v) =>
          Object.entries(v.labels)
            .filter(([name]) => name !== "organization_id")
            .map(([, label]) => String(label)),
        ),
      );
    expect(labelValues.filter((label) => /\d{8,}|@s\.whatsapp\.net/.test(label))).toEqual([]);
  });

  it("purges call log rows past the retention days", async () => {
    const fixture = await providerFixture({ logRetentionDays: 30 });
    const { org, owner } = fixture;
    await inbound(fixture, "5511987003501", "Qual o valor da taxa?");
    await withOrganization(org.organizationId, (tx) =>
      tx.aiCall.updateMany({ data: { createdAt: new Date(Date.now() - 31 * 86_400_000) } }),
    );
    await inbound(fixture, "5511987003502", "E o prazo de entrega?");
    expect(await purgeAiCalls({ organizationId: org.organizationId })).toEqual({ deleted: 1 });
    expect((await owner.ai.callLog({ limit: 50 })).calls).toHaveLength(1);
  });
});
