import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOrganization } from "~/server/db/tenant";
import { classifyLocally } from "~/server/domain/ai/local-engine";
import { allowExternalAi } from "../support/ai-settings";
import { textUpsert } from "../support/evolution-payloads";
import { deliver, inboxFixture } from "../support/inbox-pipeline";
import { startOpenAiCompatibleServer } from "../support/openai-compatible-server";

const API_KEY = "sk-test-mirage-prompts-0123";
/** Words a test prompt carries so the stand-in model can tell versions apart. */
const MARKER_B = "Versão B: seja breve.";

/** The label the stand-in model gives a text: fixed answers a test can score by hand. */
function scriptedLabel(text: string, system: string): string {
  if (system.includes(MARKER_B)) return "praise";
  if (/comprar|preço/i.test(text)) return "purchase";
  if (/quebrado|absurdo/i.test(text)) return "complaint";
  if (/adorei/i.test(text)) return "praise";
  // Wrong on purpose: the truth for questions is "question".
  return "support";
}

let provider: Awaited<ReturnType<typeof startOpenAiCompatibleServer>>;

beforeAll(async () => {
  provider = await startOpenAiCompatibleServer({
    apiKey: API_KEY,
    answer: (text, schemaName, body) => {
      if (schemaName === "reply_suggestions") return { suggestions: ["Olá! Como posso ajudar?"] };
      return {
        sentiment: "neutral",
        sentiment_score: 0,
        label: scriptedLabel(text, body.messages[0]?.content ?? ""),
        confidence: 0.8,
        language: "pt",
      };
    },
    reply: () => "Cliente quer comprar.",
    usage: { prompt_tokens: 1000, completion_tokens: 500 },
  });
});
afterAll(async () => {
  await provider?.close();
});

type Fixture = Awaited<ReturnType<typeof inboxFixture>>;

async function withProvider(): Promise<Fixture> {
  const fixture = await inboxFixture();
  await fixture.owner.ai.saveProvider({
    baseUrl: provider.baseUrl,
    apiKey: API_KEY,
    model: "test-model",
    timeoutMs: 5000,
  });
  await fixture.owner.ai.saveModelPrices({ prices: { "test-model": { input: 2, output: 8 } } });
  await allowExternalAi(fixture.owner);
  return fixture;
}

/** Delivers an inbound text and waits for its insight (the test stack's worker runs `ai.classify`). */
async function inbound(fixture: Fixture, phone: string, text: string) {
  const { org, instanceId, providerName } = fixture;
  await deliver(
    org.organizationId,
    instanceId,
    textUpsert(providerName, { remoteJid: `${phone}@s.whatsapp.net` }, text),
  );
  let insight: Awaited<ReturnType<typeof insightOf>> = null;
  await expect
    .poll(async () => (insight = await insightOf(org.organizationId, text)), { timeout: 20_000 })
    .not.toBeNull();
  return insight!;
}

function insightOf(organizationId: string, text: string) {
  return withOrganization(organizationId, (tx) =>
    tx.messageInsight.findFirst({
      where: { message: { body: text } },
      include: { message: { select: { conversationId: true } } },
    }),
  );
}

function counts(organizationId: string) {
  return withOrganization(organizationId, async (tx) => ({
    insights: await tx.messageInsight.count(),
    summaries: await tx.conversationSummary.count(),
    suggestions: await tx.aiSuggestion.count(),
    messages: await tx.message.count(),
  }));
}

const classificationBody = (extra: string) =>
  `Classifique a mensagem de um cliente no WhatsApp. Rótulos: {{labels}}; "{{no_label}}" se nenhum servir. ${extra}`;

describe("AI prompts: versions per feature", () => {
  it("version 1 is Mirage's prompt; drafts with unknown or missing variables are refused with a code", async () => {
    const { owner } = await inboxFixture();
    const { versions } = await owner.aiPrompts.versions({ feature: "classification" });
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ number: 1, status: "published", share: 100 });
    expect(versions[0]!.body).toContain("{{labels}}");

    await expect(
      owner.aiPrompts.saveDraft({ feature: "classification", body: classificationBody("Olá {{nome_do_cliente}}.") }),
    ).rejects.toMatchObject({
      cause: {
        reason: "aiPromptUnknownVariables",
        params: { variables: "nome_do_cliente" },
        fieldErrors: { body: [{ reason: "unknownTemplateVariablesList", params: { variables: "nome_do_cliente" } }] },
      },
    });
    await expect(
      owner.aiPrompts.saveDraft({ feature: "suggestion", body: "Sugira respostas curtas e educadas ao cliente." }),
    ).rejects.toMatchObject({ cause: { reason: "aiPromptMissingVariables", params: { variables: "knowledge" } } });
    // {{knowledge}} belongs to suggestions, not to classification.
    await expect(
      owner.aiPrompts.saveDraft({ feature: "classification", body: classificationBody("Base: {{knowledge}}") }),
    ).rejects.toMatchObject({ cause: { reason: "aiPromptUnknownVariables" } });
    expect((await owner.aiPrompts.versions({ feature: "classification" })).versions).toHaveLength(1);
  });

  it("publish makes a draft answer, rollback brings the earlier one back, diff shows what changed", async () => {
    const fixture = await withProvider();
    const { org, owner } = fixture;
    const [v1] = (await owner.aiPrompts.versions({ feature: "classification" })).versions;
    const draft = await owner.aiPrompts.saveDraft({
      feature: "classification",
      body: classificationBody("Seja exato."),
    });
    expect(draft).toMatchObject({ number: 2, status: "draft", share: 0 });
    const edited = await owner.aiPrompts.saveDraft({
      feature: "classification",
      id: draft.id,
      body: classificationBody("Seja exato e cuidadoso."),
    });
    expect(edited).toMatchObject({ id: draft.id, number: 2, status: "draft" });

    // A draft does not answer: messages still get version 1.
    const before = await inbound(fixture, "5511987300001", "Quero comprar o plano anual");
    expect(before).toMatchObject({ engine: "provider", engineVersion: "classification-v1", promptVersionId: v1!.id });

    const published = await owner.aiPrompts.publish({ id: draft.id });
    expect(published).toMatchObject({ status: "published", share: 100 });
    expect(published.publishedAt).toBeInstanceOf(Date);
    await expect(owner.aiPrompts.publish({ id: draft.id })).rejects.toMatchObject({
      cause: { reason: "aiPromptAlreadyPublished" },
    });
    // Published versions are frozen.
    await expect(
      owner.aiPrompts.saveDraft({ feature: "classification", id: draft.id, body: classificationBody("Outro texto.") }),
    ).rejects.toMatchObject({ cause: { reason: "aiPromptDraftNotFound" } });

    const sent = provider.requests.length;
    const after = await inbound(fixture, "5511987300002", "O produto veio quebrado, que absurdo");
    expect(after).toMatchObject({ engineVersion: "classification-v2", promptVersionId: draft.id, label: "complaint" });
    const system = provider.requests.slice(sent).find((r) => r.body.response_format)!.body.messages[0]!.content;
    expect(system).toContain("Seja exato e cuidadoso.");
    expect(system).toContain("question, complaint, purchase");
    expect(system).not.toContain("{{");
    const calls = await withOrganization(org.organizationId, (tx) =>
      tx.aiCall.findMany({ where: { feature: "classification" }, orderBy: { createdAt: "asc" } }),
    );
    expect(calls.map((call) => [call.promptVersion, call.promptVersionId])).toEqual([
      ["classification-v1", v1!.id],
      ["classification-v2", draft.id],
    ]);

    const diff = await owner.aiPrompts.diff({ fromId: v1!.id, toId: draft.id });
    expect(
      diff
        .filter((part) => part.kind === "added")
        .map((part) => part.text)
        .join(""),
    ).toContain("cuidadoso");
    expect(diff.some((part) => part.kind === "removed")).toBe(true);
    expect(
      diff
        .filter((p) => p.kind !== "added")
        .map((p) => p.text)
        .join(""),
    ).toBe(v1!.body);
    expect(
      diff
        .filter((p) => p.kind !== "removed")
        .map((p) => p.text)
        .join(""),
    ).toBe(edited.body);

    const rolledBack = await owner.aiPrompts.rollback({ id: v1!.id });
    expect(rolledBack).toMatchObject({ number: 1, share: 100 });
    const { versions } = await owner.aiPrompts.versions({ feature: "classification" });
    expect(versions.map((v) => [v.number, v.share])).toEqual([
      [2, 0],
      [1, 100],
    ]);
    expect((await inbound(fixture, "5511987300003", "Qual o preço?")).promptVersionId).toBe(v1!.id);

    const audit = await withOrganization(org.organizationId, (tx) =>
      tx.auditLog.findMany({ where: { targetType: "ai_prompt_version" }, orderBy: { createdAt: "asc" } }),
    );
    expect(audit.map((row) => row.action)).toEqual([
      "ai_prompt.draft_created",
      "ai_prompt.draft_updated",
      "ai_prompt.published",
      "ai_prompt.rolled_back",
    ]);
    expect(audit[3]!.metadata).toMatchObject({
      before: [{ number: 2, share: 100 }],
      after: [{ number: 1, share: 100 }],
    });
  });

  it("the playground runs a draft on a conversation through the call path and writes nothing else", async () => {
    const fixture = await withProvider();
    const { org, owner } = fixture;
    const message = await inbound(fixture, "5511987300010", "Quero comprar dois planos");
    const draft = await owner.aiPrompts.saveDraft({ feature: "classification", body: classificationBody(MARKER_B) });
    const suggestionDraft = await owner.aiPrompts.saveDraft({
      feature: "suggestion",
      body: "Sugira até três respostas curtas. Base de conhecimento:\n{{knowledge}}",
    });
    const summaryDraft = await owner.aiPrompts.saveDraft({
      feature: "summary",
      body: "Resuma a conversa em uma linha, no idioma {{locale}}.",
    });
    const before = await counts(org.organizationId);
    const sent = provider.requests.length;

    const result = await owner.aiPrompts.playground({
      versionId: draft.id,
      conversationId: message.message.conversationId,
    });
    expect(JSON.parse(result.output)).toMatchObject({ label: "praise" });
    // 1000 tokens in at 2 per 1M, 500 out at 8 per 1M.
    expect(result).toMatchObject({ model: "test-model", tokensIn: 1000, tokensOut: 500, cost: 0.006 });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(provider.requests[sent]!.body.messages[0]!.content).toContain(MARKER_B);

    const suggested = await owner.aiPrompts.playground({
      versionId: suggestionDraft.id,
      conversationId: message.message.conversationId,
    });
    expect(JSON.parse(suggested.output)).toEqual({ suggestions: ["Olá! Como posso ajudar?"] });
    const summary = await owner.aiPrompts.playground({
      versionId: summaryDraft.id,
      conversationId: message.message.conversationId,
    });
    expect(summary.output).toBe("Cliente quer comprar.");

    expect(await counts(org.organizationId)).toEqual(before);
    // The message keeps the insight the published version gave it.
    expect(await insightOf(org.organizationId, "Quero comprar dois planos")).toMatchObject({ label: "purchase" });
    const logged = await withOrganization(org.organizationId, (tx) =>
      tx.aiCall.findMany({ where: { feature: "playground" }, orderBy: { createdAt: "asc" } }),
    );
    expect(logged.map((call) => call.promptVersionId)).toEqual([draft.id, suggestionDraft.id, summaryDraft.id]);
    // The playground is not counted as the feature's calls in the comparison.
    const comparison = await owner.aiPrompts.comparison({ feature: "classification", days: 30 });
    expect(comparison.find((row) => row.number === 1)?.calls).toBe(1);
  });

  it("A/B: two published versions split conversations about 50/50, each conversation always on the same one", async () => {
    const fixture = await withProvider();
    const { org, owner } = fixture;
    const [v1] = (await owner.aiPrompts.versions({ feature: "classification" })).versions;
    const v2 = await owner.aiPrompts.saveDraft({ feature: "classification", body: classificationBody(MARKER_B) });
    await expect(owner.aiPrompts.startAb({ versionAId: v1!.id, versionBId: v2.id, shareB: 50 })).rejects.toMatchObject({
      cause: { reason: "aiPromptNotPublished" },
    });
    await owner.aiPrompts.publish({ id: v2.id });
    const split = await owner.aiPrompts.startAb({ versionAId: v1!.id, versionBId: v2.id, shareB: 50 });
    expect(split.map((v) => [v.number, v.share])).toEqual([
      [1, 50],
      [2, 50],
    ]);

    const conversations = 40;
    for (let i = 0; i < conversations; i++)
      for (const text of [`Qual o preço do item ${i}?`, `E o prazo de entrega ${i}?`])
        await deliver(
          org.organizationId,
          fixture.instanceId,
          textUpsert(fixture.providerName, { remoteJid: `55119873${String(1000 + i)}@s.whatsapp.net` }, text),
        );
    await expect
      .poll(() => withOrganization(org.organizationId, (tx) => tx.messageInsight.count()), { timeout: 60_000 })
      .toBe(conversations * 2);
    const insights = await withOrganization(org.organizationId, (tx) =>
      tx.messageInsight.findMany({ include: { message: { select: { conversationId: true } } } }),
    );
    const perConversation = new Map<string, Set<string>>();
    for (const insight of insights) {
      const seen = perConversation.get(insight.message.conversationId) ?? new Set();
      seen.add(insight.promptVersionId!);
      perConversation.set(insight.message.conversationId, seen);
    }
    expect(perConversation.size).toBe(conversations);
    // Stable: both messages of a conversation were answered by the same version.
    expect([...perConversation.values()].every((versions) => versions.size === 1)).toBe(true);
    const onB = [...perConversation.values()].filter((versions) => versions.has(v2.id)).length;
    // 40 fair coin flips land between 12 and 28 with probability > 99%; the hash is fixed, so this is stable.
    expect(onB).toBeGreaterThanOrEqual(12);
    expect(onB).toBeLessThanOrEqual(28);

    // Agents review a few labels: version 2 always says "praise", wrong for prices.
    const reviewed = await withOrganization(org.organizationId, (tx) =>
      tx.messageInsight.findMany({ where: { message: { body: { startsWith: "Qual o preço" } } }, take: 10 }),
    );
    for (const insight of reviewed)
      await owner.ai.review({ messageId: insight.messageId, sentiment: "neutral", label: "purchase" });
    const comparison = await owner.aiPrompts.comparison({ feature: "classification", days: 30 });
    const [a, b] = [comparison.find((r) => r.id === v1!.id)!, comparison.find((r) => r.id === v2.id)!];
    expect(a.calls + b.calls).toBe(conversations * 2);
    expect(b.calls).toBe(onB * 2);
    expect(a.cost + b.cost).toBeCloseTo(conversations * 2 * 0.006, 6);
    const reviewedA = reviewed.filter((insight) => insight.promptVersionId === v1!.id).length;
    expect(a.reviews).toEqual({ reviewed: reviewedA, correct: reviewedA, accuracy: reviewedA ? 1 : null });
    expect(b.reviews).toMatchObject({ reviewed: reviewed.length - reviewedA, correct: 0 });

    // Ending the test by keeping one: every conversation goes back to it.
    await owner.aiPrompts.rollback({ id: v1!.id });
    expect((await owner.aiPrompts.versions({ feature: "classification" })).versions.map((v) => v.share)).toEqual([
      0, 100,
    ]);
  }, 120_000);

  it("an evaluation run scores a prompt version and the local engine against the reviewed messages", async () => {
    const fixture = await withProvider();
    const { org, owner } = fixture;
    await expect(owner.aiPrompts.evaluate({ promptVersionId: null })).rejects.toMatchObject({
      cause: { reason: "aiEvaluationSetEmpty" },
    });
    const truth: [string, string][] = [
      ["Quero comprar o plano mensal", "purchase"],
      ["O pedido veio quebrado", "complaint"],
      ["Adorei o atendimento de vocês", "praise"],
      ["Vocês abrem no sábado?", "question"],
    ];
    for (const [index, [text, label]] of truth.entries()) {
      const insight = await inbound(fixture, `551198731${String(100 + index)}`, text);
      await owner.ai.review({ messageId: insight.messageId, sentiment: "neutral", label });
    }
    const insightsBefore = await withOrganization(org.organizationId, (tx) =>
      tx.messageInsight.findMany({ orderBy: { messageId: "asc" } }),
    );
    const [v1] = (await owner.aiPrompts.versions({ feature: "classification" })).versions;
    expect((await owner.aiPrompts.versions({ feature: "classification" })).evaluationSetSize).toBe(4);
    const [summaryVersion] = (await owner.aiPrompts.versions({ feature: "summary" })).versions;
    await expect(owner.aiPrompts.evaluate({ promptVersionId: summaryVersion!.id })).rejects.toMatchObject({
      cause: { reason: "aiEvaluationClassificationOnly" },
    });

    const queued = await owner.aiPrompts.evaluate({ promptVersionId: v1!.id });
    expect(queued.status).toBe("queued");
    const local = await owner.aiPrompts.evaluate({ promptVersionId: null });
    const finished = async () => await owner.aiPrompts.versions({ feature: "classification" });
    await expect
      .poll(
        async () => {
          const listed = await finished();
          return [listed.versions[0]!.evaluation?.status, listed.localEvaluation?.status];
        },
        { timeout: 30_000 },
      )
      .toEqual(["done", "done"]);
    const listed = await finished();
    // The stand-in gets the question wrong ("support"): 3 of 4.
    expect(listed.versions[0]!.evaluation).toMatchObject({ id: queued.id, size: 4, answered: 4, accuracy: 0.75 });
    const perLabel = listed.versions[0]!.evaluation!.perLabel;
    expect(perLabel.question).toMatchObject({ support: 1, correct: 0, recall: 0, f1: 0 });
    expect(perLabel.support).toMatchObject({ support: 0, predicted: 1, precision: 0 });
    expect(perLabel.purchase).toMatchObject({ support: 1, correct: 1, f1: 1 });
    // Five classes (four true ones and the wrong "support"): F1 1, 1, 1, 0, 0.
    expect(listed.versions[0]!.evaluation!.macroF1).toBeCloseTo(3 / 5);

    const labels = ["question", "complaint", "purchase", "support", "praise", "spam", "opt_out"];
    let localCorrect = 0;
    for (const [text, label] of truth) if ((await classifyLocally(text, labels)).label === label) localCorrect += 1;
    expect(listed.localEvaluation).toMatchObject({ id: local.id, size: 4, answered: 4, accuracy: localCorrect / 4 });

    // Evaluations change no insight; their calls are logged as such.
    expect(
      await withOrganization(org.organizationId, (tx) => tx.messageInsight.findMany({ orderBy: { messageId: "asc" } })),
    ).toEqual(insightsBefore);
    const evaluationCalls = await withOrganization(org.organizationId, (tx) =>
      tx.aiCall.count({ where: { feature: "evaluation", promptVersionId: v1!.id } }),
    );
    expect(evaluationCalls).toBe(4);
  });
});
