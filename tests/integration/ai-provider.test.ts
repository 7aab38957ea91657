import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOrganization } from "~/server/db/tenant";
import { classifyMessages } from "~/server/domain/ai/classify-messages";
import { newMessageId } from "../support/evolution-payloads";
import { addMemberWithPassword, callerFor } from "../support/factory";
import { textUpsert } from "../support/evolution-payloads";
import { deliver, inboxFixture } from "../support/inbox-pipeline";
import { allowExternalAi } from "../support/ai-settings";
import { startOpenAiCompatibleServer } from "../support/openai-compatible-server";

/** The default classification prompt is each organization's version 1. */
const PROMPT_VERSION = "classification-v1";

const API_KEY = "sk-test-mirage-0123456789";
let provider: Awaited<ReturnType<typeof startOpenAiCompatibleServer>>;

beforeAll(async () => {
  provider = await startOpenAiCompatibleServer({
    apiKey: API_KEY,
    // A stand-in model: enough to tell its answers from the local engine's.
    answer: (text) =>
      /preço|custa/i.test(text)
        ? { sentiment: "neutral", sentiment_score: 0, label: "purchase", confidence: 0.97, language: "pt" }
        : { sentiment: "negative", sentiment_score: -0.8, label: "complaint", confidence: 0.88, language: "pt" },
  });
});
afterAll(async () => {
  await provider?.close();
});

async function inboundInsight(fixture: Awaited<ReturnType<typeof inboxFixture>>, phone: string, text: string) {
  const { org, instanceId, providerName } = fixture;
  await deliver(
    org.organizationId,
    instanceId,
    textUpsert(providerName, { remoteJid: `${phone}@s.whatsapp.net` }, text),
  );
  let insight = null;
  await expect
    .poll(
      async () =>
        (insight = await withOrganization(org.organizationId, async (tx) =>
          tx.messageInsight.findFirst({ where: { message: { body: text } } }),
        )),
      { timeout: 20_000 },
    )
    .not.toBeNull();
  return insight!;
}

describe("AI: an OpenAI-compatible provider per organization", () => {
  it("stores the key encrypted and never returns it; only admins see or change the provider", async () => {
    const fixture = await inboxFixture();
    const { org, owner } = fixture;
    await owner.ai.saveProvider({ baseUrl: provider.baseUrl, apiKey: API_KEY, model: "test-model", timeoutMs: 5000 });
    await allowExternalAi(owner);
    expect(await owner.ai.provider()).toEqual({
      baseUrl: provider.baseUrl,
      model: "test-model",
      transcriptionModel: "whisper-1",
      timeoutMs: 5000,
      hasKey: true,
    });
    const stored = await withOrganization(org.organizationId, (tx) =>
      tx.aiProvider.findUniqueOrThrow({ where: { organizationId: org.organizationId } }),
    );
    expect(stored.apiKeyEncrypted).toMatch(/^v1\./);
    expect(stored.apiKeyEncrypted).not.toContain(API_KEY);
    // Saving without a key keeps the stored one.
    await owner.ai.saveProvider({ baseUrl: provider.baseUrl, model: "test-model", timeoutMs: 5000 });
    await allowExternalAi(owner);
    expect((await owner.ai.provider())?.hasKey).toBe(true);
    const audit = await withOrganization(org.organizationId, (tx) =>
      tx.auditLog.findMany({ where: { action: "ai_provider.saved" } }),
    );
    expect(JSON.stringify(audit)).not.toContain(API_KEY);

    const agent = await addMemberWithPassword(org.organizationId, "agent");
    const asAgent = callerFor(agent.userId, org.organizationId);
    await expect(asAgent.ai.provider()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      asAgent.ai.saveProvider({ baseUrl: provider.baseUrl, apiKey: "x", model: "m", timeoutMs: 5000 }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("'Testar conexão' classifies a sample through chat completions with a JSON schema", async () => {
    const { owner } = await inboxFixture();
    await owner.ai.saveProvider({ baseUrl: provider.baseUrl, apiKey: API_KEY, model: "test-model", timeoutMs: 5000 });
    await allowExternalAi(owner);
    const before = provider.requests.length;
    expect(await owner.ai.testProvider()).toMatchObject({ ok: true, label: "purchase" });
    const request = provider.requests[before]!;
    expect(request.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request.body.model).toBe("test-model");
    expect(request.body.response_format?.type).toBe("json_schema");
    expect(request.body.response_format?.json_schema?.schema.properties.label!.enum).toEqual([
      "question",
      "complaint",
      "purchase",
      "support",
      "praise",
      "spam",
      "opt_out",
      "none",
    ]);

    await owner.ai.saveProvider({
      baseUrl: provider.baseUrl,
      apiKey: "sk-wrong",
      model: "test-model",
      timeoutMs: 5000,
    });
    await allowExternalAi(owner);
    expect(await owner.ai.testProvider()).toEqual({ ok: false, failure: "unauthorized", status: 401 });
  });

  it("inbound texts are classified by the provider, waiting out a 429's Retry-After", async () => {
    const fixture = await inboxFixture();
    const { owner } = fixture;
    await owner.ai.saveProvider({ baseUrl: provider.baseUrl, apiKey: API_KEY, model: "test-model", timeoutMs: 5000 });
    await allowExternalAi(owner);
    expect((await owner.ai.overview({ days: 7 })).engine).toEqual({
      kind: "provider",
      model: "test-model",
      version: PROMPT_VERSION,
    });

    const first = await inboundInsight(fixture, "5511987002001", "Quanto custa a instalação?");
    expect(first).toMatchObject({
      engine: "provider",
      model: "test-model",
      engineVersion: PROMPT_VERSION,
      label: "purchase",
      confidence: 0.97,
    });

    const before = provider.requests.length;
    provider.failNext({ status: 429, retryAfterSeconds: 1 });
    const second = await inboundInsight(fixture, "5511987002002", "Meu pedido não chegou até agora");
    expect(second).toMatchObject({ engine: "provider", label: "complaint", sentiment: "negative" });
    const attempts = provider.requests.slice(before);
    expect(attempts).toHaveLength(2);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(900);
  });

  it("a provider that keeps failing leaves classification to the local engine; removing it goes back to local", async () => {
    const fixture = await inboxFixture();
    const { owner } = fixture;
    await owner.ai.saveProvider({
      baseUrl: provider.baseUrl,
      apiKey: "sk-wrong",
      model: "test-model",
      timeoutMs: 5000,
    });
    await allowExternalAi(owner);
    const insight = await inboundInsight(fixture, "5511987002003", "adorei o atendimento, muito obrigada");
    expect(insight).toMatchObject({ engine: "local", model: "nlpjs", label: "praise" });

    await owner.ai.removeProvider();
    expect(await owner.ai.provider()).toBeNull();
    expect((await owner.ai.overview({ days: 7 })).engine.kind).toBe("local");
  });

  it("a provider failing once in a job is not asked again in it: the rest of the batch goes to the local engine", async () => {
    const fixture = await inboxFixture();
    const { org, owner, instanceId } = fixture;
    const first = await inboundInsight(fixture, "5511987002004", "bom dia");
    const { conversationId } = await withOrganization(org.organizationId, (tx) =>
      tx.message.findUniqueOrThrow({ where: { id: first.messageId }, select: { conversationId: true } }),
    );
    await owner.ai.saveProvider({ baseUrl: provider.baseUrl, apiKey: API_KEY, model: "test-model", timeoutMs: 5000 });
    await allowExternalAi(owner);
    const texts = ["Quanto custa?", "Qual o preço?", "Meu pedido atrasou", "Vocês abrem sábado?"];
    const messageIds = await withOrganization(org.organizationId, async (tx) => {
      const ids: string[] = [];
      for (const body of texts) {
        const message = await tx.message.create({
          data: {
            organizationId: org.organizationId,
            instanceId,
            conversationId,
            providerMessageId: newMessageId(),
            direction: "inbound",
            type: "text",
            body,
            status: "received",
            sentAt: new Date(),
          },
        });
        ids.push(message.id);
      }
      return ids;
    });
    const before = provider.requests.length;
    // Three 500s: the first message's attempt and the SDK's two retries.
    provider.failNext({ status: 500 }, { status: 500 }, { status: 500 });
    expect(await classifyMessages({ organizationId: org.organizationId, messageIds })).toEqual({ classified: 4 });
    expect(provider.requests.length - before).toBe(3);
    const insights = await withOrganization(org.organizationId, (tx) =>
      tx.messageInsight.findMany({ where: { messageId: { in: messageIds } }, select: { engine: true } }),
    );
    expect(insights.map((insight) => insight.engine)).toEqual(["local", "local", "local", "local"]);
  });

  it("refuses a provider address on an internal network unless the server lists its host", async () => {
    const fixture = await inboxFixture();
    const { org, owner } = fixture;
    // Same test server, reached by a name that resolves to loopback and is not in AI_PROVIDER_PRIVATE_HOSTS.
    const internal = provider.baseUrl.replace("127.0.0.1", "localhost");
    for (const baseUrl of [internal, "http://169.254.169.254/v1", "http://10.0.0.7:11434/v1", "http://[::1]:8080/v1"])
      await expect(
        owner.ai.saveProvider({ baseUrl, apiKey: API_KEY, model: "test-model", timeoutMs: 5000 }),
        baseUrl,
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await owner.ai.provider()).toBeNull();

    // A stored address that became internal (or was stored before the guard) is not called either.
    await owner.ai.saveProvider({ baseUrl: provider.baseUrl, apiKey: API_KEY, model: "test-model", timeoutMs: 5000 });
    await allowExternalAi(owner);
    await withOrganization(org.organizationId, (tx) =>
      tx.aiProvider.update({ where: { organizationId: org.organizationId }, data: { baseUrl: internal } }),
    );
    const before = provider.requests.length;
    expect(await owner.ai.testProvider()).toEqual({ ok: false, failure: "blocked_address", status: null });
    const insight = await inboundInsight(fixture, "5511987002005", "Qual o preço do plano?");
    expect(insight.engine).toBe("local");
    expect(provider.requests.length).toBe(before);
  });
});
