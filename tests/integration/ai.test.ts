import { describe, expect, it } from "vitest";
import { withOrganization } from "~/server/db/tenant";
import { applyInsightOptOut } from "~/server/domain/ai/apply-insight-opt-out";
import { classifyMessages } from "~/server/domain/ai/classify-messages";
import { localSignature } from "~/server/domain/ai/classify-with-engine";
import { callerFor, makeOrganization } from "../support/factory";
import { textUpsert } from "../support/evolution-payloads";
import { deliver, inboxFixture } from "../support/inbox-pipeline";

const jid = (digits: string) => `${digits}@s.whatsapp.net`;

async function inbound(fixture: Awaited<ReturnType<typeof inboxFixture>>, phone: string, text: string) {
  await deliver(
    fixture.org.organizationId,
    fixture.instanceId,
    textUpsert(fixture.providerName, { remoteJid: jid(phone) }, text),
  );
  return withOrganization(fixture.org.organizationId, async (tx) => {
    const message = await tx.message.findFirstOrThrow({
      where: { body: text, direction: "inbound" },
      select: { id: true, conversationId: true, conversation: { select: { contactId: true } } },
    });
    return {
      messageId: message.id,
      conversationId: message.conversationId,
      contactId: message.conversation.contactId!,
    };
  });
}

async function insightOf(organizationId: string, messageId: string) {
  return withOrganization(organizationId, (tx) => tx.messageInsight.findUnique({ where: { messageId } }));
}

describe("AI: classification of inbound texts", () => {
  it("every inbound text gets sentiment and label from the local engine, through the ai.classify queue", async () => {
    const fixture = await inboxFixture();
    const { org, owner } = fixture;
    const complaint = await inbound(
      fixture,
      "5511987001001",
      "O pedido chegou quebrado e ninguém me responde, que absurdo!",
    );
    const purchase = await inbound(fixture, "5511987001002", "qual o preço do plano anual?");

    // The worker of the test stack takes the job the webhook batch enqueued in its transaction.
    // Two batches, two jobs, taken in any order.
    for (const [message, label] of [
      [purchase, "purchase"],
      [complaint, "complaint"],
    ] as const)
      await expect
        .poll(async () => (await insightOf(org.organizationId, message.messageId))?.label, { timeout: 20_000 })
        .toBe(label);
    expect(await insightOf(org.organizationId, complaint.messageId)).toMatchObject({
      label: "complaint",
      sentiment: "negative",
      engine: "local",
      model: "nlpjs",
      language: "pt",
      review: null,
    });
    const page = await owner.conversations.messages({ conversationId: complaint.conversationId, limit: 10 });
    expect(page.items[0]!.insight).toMatchObject({ label: "complaint", sentiment: "negative", engine: "local" });

    // Running the job again changes nothing.
    expect(await classifyMessages({ organizationId: org.organizationId, messageIds: [complaint.messageId] })).toEqual({
      classified: 0,
    });
  });

  it("a confident opt-out request opts the contact out like the keywords do, naming the engine", async () => {
    const fixture = await inboxFixture();
    const { org } = fixture;
    const text = "Por favor, não quero mais receber mensagens de vocês";
    const { contactId } = await inbound(fixture, "5511987001003", text);
    await expect
      .poll(
        async () =>
          withOrganization(
            org.organizationId,
            async (tx) => (await tx.contact.findUniqueOrThrow({ where: { id: contactId } })).consentStatus,
          ),
        { timeout: 20_000 },
      )
      .toBe("opted_out");
    await withOrganization(org.organizationId, async (tx) => {
      const events = await tx.consentEvent.findMany({ where: { contactId } });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ status: "opted_out", source: "whatsapp", evidenceCode: "ai_detected_opt_out" });
      // How it was recognised is a code with parameters (the UI words it); the evidence is the message itself.
      expect(events[0]!.evidenceParams).toMatchObject({
        engine: expect.stringMatching(/^local\/nlpjs 4\.\d+\.\d+\+corpus-/),
      });
      const audit = await tx.auditLog.findFirstOrThrow({ where: { action: "contact.opted_out", targetId: contactId } });
      expect(audit.metadata).toMatchObject({ detectedBy: { engine: "local", model: "nlpjs" } });
      // One confirmation, as after a keyword.
      expect(await tx.message.count({ where: { direction: "outbound", conversation: { contactId } } })).toBe(1);
    });
  });

  it("a less confident opt-out only flags the message; contacts marked 'sem IA' are not classified", async () => {
    const fixture = await inboxFixture();
    const { org, owner } = fixture;
    const doubtful = await inbound(fixture, "5511987001004", "acho que não preciso mais disso");
    const changes = await withOrganization(org.organizationId, (tx) =>
      applyInsightOptOut(tx, {
        organizationId: org.organizationId,
        instanceId: fixture.instanceId,
        conversationId: doubtful.conversationId,
        contactId: doubtful.contactId,
        messageId: doubtful.messageId,
        text: "acho que não preciso mais disso",
        confidence: 0.6,
        signature: localSignature,
        sentAt: new Date(),
        reply: "ok",
      }),
    );
    expect(changes).toEqual([]);

    // Classified late, after the person's newer choice (a consent recorded with evidence): that choice stands.
    const late = await inbound(fixture, "5511987001006", "não quero mais receber mensagens");
    const writtenAt = new Date(Date.now() - 60_000);
    await owner.contacts.recordConsent({
      contactId: late.contactId,
      status: "opted_in",
      legalBasis: "consent",
      evidence: "Pediu por telefone para continuar recebendo",
    });
    const lateChanges = await withOrganization(org.organizationId, (tx) =>
      applyInsightOptOut(tx, {
        organizationId: org.organizationId,
        instanceId: fixture.instanceId,
        conversationId: late.conversationId,
        contactId: late.contactId,
        messageId: late.messageId,
        text: "não quero mais receber mensagens",
        confidence: 0.99,
        signature: localSignature,
        sentAt: writtenAt,
        reply: "ok",
      }),
    );
    expect(lateChanges).toEqual([]);
    expect((await owner.contacts.get({ contactId: late.contactId })).consent.status).toBe("opted_in");

    const first = await inbound(fixture, "5511987001005", "bom dia");
    await owner.ai.setContactAiOptOut({ contactId: first.contactId, aiOptOut: true });
    expect((await owner.contacts.get({ contactId: first.contactId })).aiOptOut).toBe(true);
    const second = await inbound(fixture, "5511987001005", "o produto veio com defeito");
    expect(await classifyMessages({ organizationId: org.organizationId, messageIds: [second.messageId] })).toEqual({
      classified: 0,
    });
    await withOrganization(org.organizationId, async (tx) => {
      expect(await tx.messageInsight.count({ where: { messageId: second.messageId } })).toBe(0);
      expect((await tx.contact.findUniqueOrThrow({ where: { id: doubtful.contactId } })).consentStatus).not.toBe(
        "opted_out",
      );
      expect(await tx.auditLog.count({ where: { action: "contact.ai_opted_out", targetId: first.contactId } })).toBe(1);
    });
  });

  it("an agent correcting a label to opt-out opts the contact out, unless the person chose again since", async () => {
    const fixture = await inboxFixture();
    const { org, owner } = fixture;
    const asked = await inbound(fixture, "5511987001011", "ok, valeu");
    const choseAgain = await inbound(fixture, "5511987001012", "ok, obrigado");
    for (const message of [asked, choseAgain])
      await expect
        .poll(async () => (await insightOf(org.organizationId, message.messageId))?.label !== undefined, {
          timeout: 20_000,
        })
        .toBe(true);
    expect((await owner.contacts.get({ contactId: asked.contactId })).consent.status).not.toBe("opted_out");
    await owner.contacts.recordConsent({
      contactId: choseAgain.contactId,
      status: "opted_in",
      legalBasis: "consent",
      evidence: "Confirmou por telefone que quer continuar recebendo",
    });

    for (const message of [asked, choseAgain])
      await owner.ai.review({ messageId: message.messageId, sentiment: "neutral", label: "opt_out" });

    expect((await owner.contacts.get({ contactId: asked.contactId })).consent.status).toBe("opted_out");
    expect((await owner.contacts.get({ contactId: choseAgain.contactId })).consent.status).toBe("opted_in");
    await withOrganization(org.organizationId, async (tx) => {
      const [event] = await tx.consentEvent.findMany({ where: { contactId: asked.contactId, status: "opted_out" } });
      expect(event).toMatchObject({ source: "whatsapp", evidenceCode: "agent_reviewed_opt_out" });
      expect(event!.evidence).toContain("ok, valeu");
      const audit = await tx.auditLog.findFirstOrThrow({
        where: { action: "contact.opted_out", targetId: asked.contactId },
      });
      expect(audit.metadata).toMatchObject({ messageId: asked.messageId, reviewedBy: org.ownerId });
      // One confirmation, queued in the person's conversation.
      const { optOutReply } = await tx.organization.findUniqueOrThrow({ where: { id: org.organizationId } });
      expect(
        await tx.message.count({
          where: { conversationId: asked.conversationId, direction: "outbound", body: optOutReply },
        }),
      ).toBe(1);
      expect(await tx.auditLog.count({ where: { action: "contact.opted_out", targetId: choseAgain.contactId } })).toBe(
        0,
      );
    });
    // Reviewing again changes nothing: already opted out, no second confirmation.
    await owner.ai.review({ messageId: asked.messageId, sentiment: "neutral", label: "opt_out" });
    await withOrganization(org.organizationId, async (tx) =>
      expect(await tx.auditLog.count({ where: { action: "contact.opted_out", targetId: asked.contactId } })).toBe(1),
    );
  });

  it("agents confirm or correct in one click; the overview counts labels, accuracy and confusions", async () => {
    const fixture = await inboxFixture();
    const { org, owner } = fixture;
    const complaint = await inbound(fixture, "5511987001006", "meu pedido veio errado, que absurdo");
    const praise = await inbound(fixture, "5511987001007", "adorei o atendimento, muito obrigada");
    await classifyMessages({ organizationId: org.organizationId, messageIds: [complaint.messageId, praise.messageId] });

    expect(
      await owner.ai.review({ messageId: complaint.messageId, sentiment: "negative", label: "complaint" }),
    ).toEqual({
      review: "confirmed",
    });
    expect(await owner.ai.review({ messageId: praise.messageId, sentiment: "positive", label: "purchase" })).toEqual({
      review: "corrected",
    });
    await expect(
      owner.ai.review({ messageId: praise.messageId, sentiment: "positive", label: "no_such_label" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Another organization's message is not there for this one.
    const other = await makeOrganization();
    await expect(
      callerFor(other.ownerId, other.organizationId).ai.review({
        messageId: praise.messageId,
        sentiment: "neutral",
        label: null,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    const page = await owner.conversations.messages({ conversationId: praise.conversationId, limit: 10 });
    expect(page.items[0]!.insight).toMatchObject({ label: "purchase", review: "corrected" });

    const overview = await owner.ai.overview({ days: 7 });
    expect(overview.engine).toMatchObject({ kind: "local", model: "nlpjs" });
    expect(overview.total).toBe(2);
    expect(overview.byLabel).toEqual(
      expect.arrayContaining([
        { label: "complaint", count: 1 },
        { label: "praise", count: 1 },
      ]),
    );
    expect(overview.overall).toEqual({ reviewed: 2, correct: 1, accuracy: 0.5 });
    expect(overview.labelAccuracy).toEqual(
      expect.arrayContaining([
        { label: "complaint", reviewed: 1, correct: 1, accuracy: 1 },
        { label: "praise", reviewed: 1, correct: 0, accuracy: 0 },
      ]),
    );
    expect(overview.confusion).toEqual([
      { machine: "complaint", agent: "complaint", count: 1 },
      { machine: "praise", agent: "purchase", count: 1 },
    ]);
    // The inbox filter goes by the label as reviewed.
    const byLabel = async (aiLabel: string) =>
      (await owner.conversations.list({ aiLabel, limit: 10 })).items.map((item) => item.id);
    expect(await byLabel("purchase")).toEqual([praise.conversationId]);
    expect(await byLabel("complaint")).toEqual([complaint.conversationId]);
    expect(await byLabel("praise")).toEqual([]);
    await withOrganization(org.organizationId, async (tx) => {
      expect(
        await tx.auditLog.count({ where: { action: "message_insight.corrected", targetId: praise.messageId } }),
      ).toBe(1);
    });
  });
});
