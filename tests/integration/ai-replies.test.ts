import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOrganization } from "~/server/db/tenant";
import { runAutoReplies } from "~/server/domain/ai-replies/run-auto-replies";
import { allowExternalAi } from "../support/ai-settings";
import { autoReplySettings } from "../support/auto-reply-settings";
import { textUpsert } from "../support/evolution-payloads";
import { connectedInboxFixture, deliver } from "../support/inbox-pipeline";
import { startOpenAiCompatibleServer } from "../support/openai-compatible-server";
import { simulator } from "../support/simulator-control";

const API_KEY = "sk-test-replies-0123456789";
const HOURS = "Atendemos de segunda a sexta, das 9h às 18h.";
let model: Awaited<ReturnType<typeof startOpenAiCompatibleServer>>;

/** A stand-in model answering each feature's schema from the customer's words. */
function scriptedAnswer(text: string, schema: string | undefined): Record<string, unknown> {
  if (schema === "message_insight")
    return { sentiment: "neutral", sentiment_score: 0, label: "question", confidence: 0.9, language: "pt" };
  if (schema === "reply_suggestions") return { suggestions: [HOURS, "Posso ajudar em algo mais?"] };
  if (schema === "draft_rewrite") return { text: `Olá! ${text}` };
  const reply = (body: string, confidence = 0.95) => ({
    decision: "reply",
    handoff_reason: "none",
    reply: body,
    confidence,
  });
  if (/absurdo|péssimo/i.test(text))
    return { decision: "handoff", handoff_reason: "negative_sentiment", reply: "", confidence: 0.9 };
  if (/promo/i.test(text)) return reply("Veja nossa oferta em https://promo-falsa.example.com/oferta");
  if (/preço/i.test(text)) return reply("O plano anual custa R$ 99,00.");
  return reply(HOURS);
}

beforeAll(async () => {
  model = await startOpenAiCompatibleServer({ apiKey: API_KEY, answer: scriptedAnswer });
});
afterAll(async () => {
  await model?.close();
});

type Fixture = Awaited<ReturnType<typeof connectedInboxFixture>>;

let phoneSequence = 0;
async function botFixture(settings: { draftMode?: boolean; enabled?: boolean } = {}) {
  const fixture = await connectedInboxFixture(`55119000${String(2000 + ++phoneSequence)}`);
  await fixture.owner.ai.saveProvider({
    baseUrl: model.baseUrl,
    apiKey: API_KEY,
    model: "test-model",
    timeoutMs: 5000,
  });
  await allowExternalAi(fixture.owner);
  await fixture.owner.aiReplies.saveKnowledge({ kind: "qa", question: "Qual o horário?", content: HOURS });
  await fixture.owner.aiReplies.saveKnowledge({ kind: "text", content: "Plano anual: R$ 499,90." });
  await setBot(fixture, settings.enabled ?? true, settings.draftMode ?? false);
  return fixture;
}

function setBot(fixture: Fixture, enabled: boolean, draftMode = false) {
  return fixture.owner.aiReplies.saveAutoReplySettings(
    autoReplySettings(fixture.instanceId, {
      enabled,
      draftMode,
      blockedTopics: ["política"],
      handoffKeywords: ["atendente"],
    }),
  );
}

/** The customer writes; resolves with the stored message once ingested. */
async function customerSays(fixture: Fixture, phone: string, text: string) {
  await deliver(
    fixture.org.organizationId,
    fixture.instanceId,
    textUpsert(fixture.providerName, { remoteJid: `${phone}@s.whatsapp.net` }, text),
  );
  return withOrganization(fixture.org.organizationId, (tx) =>
    tx.message.findFirstOrThrow({
      where: { body: text, direction: "inbound" },
      select: { id: true, conversationId: true, conversation: { select: { contactId: true } } },
    }),
  );
}

function decisionOf(fixture: Fixture, messageId: string) {
  return withOrganization(fixture.org.organizationId, (tx) =>
    tx.aiAutoReply.findUnique({ where: { triggerMessageId: messageId } }),
  );
}

async function awaitDecision(fixture: Fixture, messageId: string) {
  await expect.poll(() => decisionOf(fixture, messageId), { timeout: 20_000 }).not.toBeNull();
  return (await decisionOf(fixture, messageId))!;
}

const sentTexts = async (fixture: Fixture) => (await simulator.sent(fixture.providerName)).map((s) => s.text);
const decisionRequestsFor = (text: string) =>
  model.requests.filter(
    (r) =>
      r.body.response_format?.json_schema?.name === "auto_reply_decision" &&
      r.body.messages.some((m) => m.content === text),
  );

describe("AI: automatic replies with guardrails", () => {
  it("answers from the knowledge base through the send pipeline; a human reply pauses the bot there", async () => {
    const fixture = await botFixture();
    const phone = "5511987100001";
    const first = await customerSays(fixture, phone, "Oi, qual o horário de vocês?");
    expect(await awaitDecision(fixture, first.id)).toMatchObject({ status: "sent", body: HOURS });
    await expect.poll(() => sentTexts(fixture), { timeout: 20_000 }).toContain(HOURS);
    const request = decisionRequestsFor("Oi, qual o horário de vocês?")[0]!;
    expect(request.body.messages[0]!.content).toContain("Plano anual: R$ 499,90.");
    expect(request.body.response_format?.json_schema?.schema.properties.handoff_reason?.enum).toEqual([
      "human_requested",
      "negative_sentiment",
      "low_confidence",
      "blocked_topic",
      "none",
    ]);

    await fixture.owner.conversations.reply({
      conversationId: first.conversationId,
      clientMessageId: randomUUID(),
      body: "Aqui é a Ana, posso ajudar?",
    });
    expect(await fixture.owner.aiReplies.conversationBot({ conversationId: first.conversationId })).toMatchObject({
      enabled: true,
      pauseReason: "human_reply",
    });
    const second = await customerSays(fixture, phone, "E no sábado, abre?");
    // The job of this batch runs (here and in the stack's worker) and decides nothing.
    await runAutoReplies({ organizationId: fixture.org.organizationId, messageIds: [second.id] });
    expect(await decisionOf(fixture, second.id)).toBeNull();
    expect(decisionRequestsFor("E no sábado, abre?")).toHaveLength(0);
  });

  it("an assignment pauses the bot as well", async () => {
    const fixture = await botFixture({ enabled: false });
    const message = await customerSays(fixture, "5511987100002", "bom dia");
    await fixture.owner.conversations.assign({
      conversationId: message.conversationId,
      assigneeId: fixture.org.ownerId,
    });
    await setBot(fixture, true);
    const next = await customerSays(fixture, "5511987100002", "qual o horário?");
    await runAutoReplies({ organizationId: fixture.org.organizationId, messageIds: [next.id] });
    expect(await decisionOf(fixture, next.id)).toBeNull();
    expect(await fixture.owner.aiReplies.conversationBot({ conversationId: message.conversationId })).toMatchObject({
      pauseReason: "assigned",
    });
  });

  it("hands a negative message to people: typed decision, conversation flagged, nothing sent", async () => {
    const fixture = await botFixture();
    const message = await customerSays(fixture, "5511987100003", "Que absurdo, meu pedido não chegou!");
    expect(await awaitDecision(fixture, message.id)).toMatchObject({ status: "handoff", reason: "negative_sentiment" });
    expect(await fixture.owner.aiReplies.conversationBot({ conversationId: message.conversationId })).toMatchObject({
      pauseReason: "negative_sentiment",
    });
    // A keyword hands off in code, before any model call.
    const keyword = await customerSays(fixture, "5511987100004", "quero falar com um atendente");
    expect(await awaitDecision(fixture, keyword.id)).toMatchObject({ status: "handoff", reason: "keyword" });
    expect(decisionRequestsFor("quero falar com um atendente")).toHaveLength(0);
    expect(await sentTexts(fixture)).toEqual([]);
  });

  it("in draft mode the reply waits for an agent's approval, then goes out", async () => {
    const fixture = await botFixture({ draftMode: true });
    const message = await customerSays(fixture, "5511987100005", "Qual o horário de atendimento?");
    const draft = await awaitDecision(fixture, message.id);
    expect(draft).toMatchObject({ status: "draft", body: HOURS, messageId: null });
    expect(await sentTexts(fixture)).toEqual([]);

    await fixture.owner.aiReplies.approveDraft({ draftId: draft.id });
    await fixture.owner.aiReplies.approveDraft({ draftId: draft.id });
    await expect.poll(() => sentTexts(fixture), { timeout: 20_000 }).toEqual([HOURS]);
    expect(await decisionOf(fixture, message.id)).toMatchObject({
      status: "approved",
      decidedByUserId: fixture.org.ownerId,
    });
    const audit = await withOrganization(fixture.org.organizationId, (tx) =>
      tx.auditLog.count({ where: { action: "ai_auto_reply.approved" } }),
    );
    expect(audit).toBe(1);
  });

  it("checks in code reject an invented link or price: never sent, people take over", async () => {
    const fixture = await botFixture();
    const link = await customerSays(fixture, "5511987100006", "tem alguma promo?");
    expect(await awaitDecision(fixture, link.id)).toMatchObject({ status: "rejected", reason: "unknown_link" });
    const price = await customerSays(fixture, "5511987100007", "qual o preço do plano anual?");
    expect(await awaitDecision(fixture, price.id)).toMatchObject({ status: "rejected", reason: "unknown_price" });
    expect(await fixture.owner.aiReplies.conversationBot({ conversationId: price.conversationId })).toMatchObject({
      pauseReason: "check_failed",
    });
    expect(await sentTexts(fixture)).toEqual([]);
  });

  it("an opted-out or 'sem IA' contact gets nothing, and the model server receives nothing about them", async () => {
    const fixture = await botFixture({ enabled: false });
    const optedOut = await customerSays(fixture, "5511987100008", "olá");
    const semIa = await customerSays(fixture, "5511987100009", "oi");
    await fixture.owner.contacts.recordConsent({
      contactId: optedOut.conversation.contactId!,
      status: "opted_out",
      legalBasis: "consent",
      evidence: "Pediu por telefone para não receber mensagens",
    });
    await fixture.owner.ai.setContactAiOptOut({ contactId: semIa.conversation.contactId!, aiOptOut: true });
    await setBot(fixture, true);

    const a = await customerSays(fixture, "5511987100008", "qual o horário de vocês?");
    const b = await customerSays(fixture, "5511987100009", "qual o horário hoje?");
    await runAutoReplies({ organizationId: fixture.org.organizationId, messageIds: [a.id, b.id] });
    expect(await decisionOf(fixture, a.id)).toBeNull();
    expect(await decisionOf(fixture, b.id)).toBeNull();
    expect(decisionRequestsFor("qual o horário de vocês?")).toHaveLength(0);
    expect(
      model.requests.filter((r) => r.body.messages.some((m) => m.content.includes("qual o horário hoje"))),
    ).toEqual([]);
    expect(await sentTexts(fixture)).toEqual([]);
  });
});

describe("AI: bot handoff and reopened-after-bot rates", () => {
  it("are computed from the stored decisions and conversation events", async () => {
    const fixture = await botFixture({ enabled: false });
    const { organizationId } = fixture.org;
    const hour = 3_600_000;
    const base = Date.now() - 72 * hour;
    // Five conversations the bot decided about; events at known times (hours after `base`).
    const stream: {
      decisions: { status: "sent" | "handoff" | "approved" | "rejected"; reason?: string; at: number }[];
      events: { kind: "conversation.resolved" | "conversation.reopened"; at: number }[];
    }[] = [
      // Answered, closed, reopened 5 h later: counts as reopened.
      {
        decisions: [{ status: "sent", at: 0 }],
        events: [
          { kind: "conversation.resolved", at: 1 },
          { kind: "conversation.reopened", at: 6 },
        ],
      },
      // Answered, closed, reopened 30 h later: outside the 24 h window.
      {
        decisions: [{ status: "approved", at: 0 }],
        events: [
          { kind: "conversation.resolved", at: 2 },
          { kind: "conversation.reopened", at: 32 },
        ],
      },
      // Answered, then handed off on a negative message; never closed.
      {
        decisions: [
          { status: "sent", at: 0 },
          { status: "handoff", reason: "negative_sentiment", at: 1 },
        ],
        events: [],
      },
      // Handed off at once on a keyword; closed and reopened (not an answered conversation).
      {
        decisions: [{ status: "handoff", reason: "keyword", at: 0 }],
        events: [
          { kind: "conversation.resolved", at: 1 },
          { kind: "conversation.reopened", at: 2 },
        ],
      },
      // A reply the checks rejected, handed off for it; a second handoff row for low confidence.
      {
        decisions: [
          { status: "handoff", reason: "check_failed", at: 0 },
          { status: "handoff", reason: "low_confidence", at: 1 },
        ],
        events: [],
      },
    ];
    let phone = 0;
    for (const conversation of stream) {
      const first = await customerSays(fixture, `55119876300${String(++phone).padStart(2, "0")}`, `Olá ${phone}`);
      await withOrganization(organizationId, async (tx) => {
        for (const [index, decision] of conversation.decisions.entries()) {
          const trigger =
            index === 0
              ? first.id
              : (
                  await tx.message.create({
                    data: {
                      organizationId,
                      instanceId: fixture.instanceId,
                      conversationId: first.conversationId,
                      direction: "inbound",
                      type: "text",
                      body: `de novo ${index}`,
                      status: "received",
                      sentAt: new Date(base + decision.at * hour),
                    },
                  })
                ).id;
          await tx.aiAutoReply.create({
            data: {
              organizationId,
              conversationId: first.conversationId,
              triggerMessageId: trigger,
              status: decision.status,
              reason: decision.reason ?? null,
              createdAt: new Date(base + decision.at * hour),
            },
          });
        }
        for (const event of conversation.events)
          await tx.reportingEvent.create({
            data: {
              organizationId,
              kind: event.kind,
              occurredAt: new Date(base + event.at * hour),
              conversationId: first.conversationId,
              instanceId: fixture.instanceId,
            },
          });
      });
    }
    const rates = await fixture.owner.aiReplies.botOutcomeRates({ days: 7 });
    expect(rates).toEqual({
      conversations: 5,
      handedOff: 3,
      handoffRate: 3 / 5,
      byReason: [
        { reason: "check_failed", conversations: 1, rate: 1 / 5 },
        { reason: "keyword", conversations: 1, rate: 1 / 5 },
        { reason: "low_confidence", conversations: 1, rate: 1 / 5 },
        { reason: "negative_sentiment", conversations: 1, rate: 1 / 5 },
      ],
      closedAfterBot: 2,
      reopenedWithin24h: 1,
      reopenRate: 1 / 2,
    });
  });
});

describe("AI: composer help and the knowledge base", () => {
  it("suggests replies from the newest messages, and settles them by what the agent sent", async () => {
    const fixture = await botFixture({ enabled: false });
    const { owner } = fixture;
    const message = await customerSays(fixture, "5511987100010", "Vocês abrem que horas?");
    const offered = await owner.aiReplies.suggest({ conversationId: message.conversationId });
    expect(offered).toMatchObject({
      source: "provider",
      suggestions: [{ body: HOURS }, { body: "Posso ajudar em algo mais?" }],
    });
    const request = model.requests.findLast((r) => r.body.response_format?.json_schema?.name === "reply_suggestions")!;
    expect(request.body.messages.at(-1)).toEqual({ role: "user", content: "Vocês abrem que horas?" });

    await owner.conversations.reply({
      conversationId: message.conversationId,
      clientMessageId: randomUUID(),
      body: HOURS,
    });
    const outcomes = await withOrganization(fixture.org.organizationId, (tx) =>
      tx.aiSuggestion.findMany({ where: { conversationId: message.conversationId }, orderBy: { body: "asc" } }),
    );
    expect(outcomes.map((s) => [s.body, s.outcome])).toEqual([
      [HOURS, "used"],
      ["Posso ajudar em algo mais?", "discarded"],
    ]);

    // An edited suggestion counts as edited; a rewrite is a suggestion like the others.
    await owner.aiReplies.suggest({ conversationId: message.conversationId });
    await owner.conversations.reply({
      conversationId: message.conversationId,
      clientMessageId: randomUUID(),
      body: "Atendemos de segunda a sexta, das 9h às 17h!",
    });
    const rewrite = await owner.aiReplies.rewrite({
      conversationId: message.conversationId,
      draft: "obrigado pelo contato",
      rewrite: "friendly",
      targetLanguage: "en",
    });
    expect(rewrite).toMatchObject({ body: "Olá! obrigado pelo contato", source: "provider" });
    expect(await owner.aiReplies.suggestionStats({ days: 30 })).toEqual({
      offered: 1,
      used: 1,
      edited: 1,
      discarded: 2,
      acceptanceRate: 0.5,
    });
    // Every offer, rewrite and outcome left its audit row under the agent, on the conversation.
    const audited = await withOrganization(fixture.org.organizationId, (tx) =>
      tx.auditLog.groupBy({
        by: ["action", "targetId", "actorUserId"],
        where: { action: { startsWith: "ai_suggestion." } },
        _count: { _all: true },
        orderBy: { action: "asc" },
      }),
    );
    expect(audited.map((row) => [row.action, row.targetId, row.actorUserId, row._count._all])).toEqual(
      [
        ["ai_suggestion.discarded", 2],
        ["ai_suggestion.edited", 1],
        ["ai_suggestion.offered", 2],
        ["ai_suggestion.rewritten", 1],
        ["ai_suggestion.used", 1],
      ].map(([action, count]) => [action, message.conversationId, fixture.org.ownerId, count]),
    );
  });

  it("without a provider, suggests knowledge-base answers and quick replies, labelled local", async () => {
    const fixture = await connectedInboxFixture("5511900002999");
    const { owner } = fixture;
    await owner.aiReplies.saveKnowledge({ kind: "qa", question: "Qual o horário de atendimento?", content: HOURS });
    await owner.aiReplies.saveKnowledge({ kind: "text", content: "A entrega leva até 5 dias úteis." });
    await owner.quickReplies.create({ shortcut: "pix", body: "Aceitamos pagamento por Pix e cartão." });
    const message = await customerSays(fixture, "5511987100011", "qual é o horário de atendimento?");
    const offered = await owner.aiReplies.suggest({ conversationId: message.conversationId });
    expect(offered.source).toBe("local");
    expect(offered.suggestions[0]).toMatchObject({ body: HOURS, source: "local" });
    expect(offered.suggestions.map((s) => s.body)).not.toContain("Aceitamos pagamento por Pix e cartão.");
  });

  it("knowledge entries: created, edited and deleted by admins, every change audited", async () => {
    const fixture = await connectedInboxFixture("5511900002998");
    const { owner, org } = fixture;
    const entry = await owner.aiReplies.saveKnowledge({ kind: "qa", question: "Entregam?", content: "Sim, em SP." });
    await owner.aiReplies.saveKnowledge({
      id: entry.id,
      kind: "qa",
      question: "Entregam?",
      content: "Sim, em todo o Brasil.",
    });
    expect(await owner.aiReplies.knowledge()).toMatchObject([{ id: entry.id, content: "Sim, em todo o Brasil." }]);
    await owner.aiReplies.deleteKnowledge({ id: entry.id });
    await owner.aiReplies.deleteKnowledge({ id: entry.id });
    expect(await owner.aiReplies.knowledge()).toEqual([]);
    const actions = await withOrganization(org.organizationId, (tx) =>
      tx.auditLog.findMany({ where: { targetType: "ai_knowledge_entry" }, orderBy: { createdAt: "asc" } }),
    );
    expect(actions.map((a) => a.action)).toEqual([
      "ai_knowledge.created",
      "ai_knowledge.updated",
      "ai_knowledge.deleted",
    ]);
  });
});
