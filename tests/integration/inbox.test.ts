import { describe, expect, it } from "vitest";
import { withOrganization } from "~/server/db/tenant";
import { drainWebhookDeliveries } from "~/server/domain/webhooks/drain-webhook-deliveries";
import { deliverMessage } from "~/server/domain/messages/deliver-message";
import { reconcileMessage } from "~/server/domain/messages/reconcile-message";
import { whatsappProviderOfKind } from "~/server/whatsapp";
import { connectedInboxFixture, deliver, inboxCounts, inboxFixture } from "../support/inbox-pipeline";
import { newMessageId, statusUpdate, textUpsert } from "../support/evolution-payloads";
import { simulator } from "../support/simulator-control";
import { randomUUID } from "node:crypto";

const jid = (digits: string) => `${digits}@s.whatsapp.net`;

const connectedFixture = () => connectedInboxFixture();

describe("inbox: ingestion", () => {
  it("records every message type the simulator sends, over the real webhook path", async () => {
    const { org, owner, providerName } = await connectedFixture();
    const from = "5511987650001";
    const types = [
      { type: "text", text: "Olá, preciso de ajuda" },
      { type: "extendedText", text: "veja https://example.com" },
      { type: "image", caption: "comprovante" },
      { type: "voice" },
      { type: "audio" },
      { type: "video", caption: "vídeo" },
      { type: "document", fileName: "boleto.pdf" },
      { type: "sticker" },
      { type: "location", latitude: -23.55, longitude: -46.63 },
      { type: "contact", contactName: "João", contactPhone: "5511912345678" },
    ];
    for (const body of types) await simulator.inbound(providerName, { ...body, from, pushName: "Maria" });

    await expect.poll(async () => (await inboxCounts(org.organizationId)).messages, { timeout: 20_000 }).toBe(10);
    const [conversation] = (await owner.conversations.list({ limit: 10 })).items;
    expect(conversation).toMatchObject({ title: "Maria", phone: "+5511987650001", unreadCount: 10, status: "open" });
    const page = await owner.conversations.messages({ conversationId: conversation!.id, limit: 40 });
    // WhatsApp times are whole seconds and webhooks may arrive in any order: compare as a set.
    expect(page.items.map((m) => m.type).sort()).toEqual(
      ["text", "text", "image", "voice", "audio", "video", "document", "sticker", "location", "contact"].sort(),
    );
    expect(page.items.every((m) => m.direction === "inbound" && m.status === "received")).toBe(true);
    // Media arrive stored (from the webhook's base64 or fetched with getBase64FromMediaMessage).
    await expect
      .poll(
        async () =>
          (await owner.conversations.messages({ conversationId: conversation!.id, limit: 40 })).items
            .filter((m) => m.media)
            .map((m) => m.media!.status),
        { timeout: 20_000 },
      )
      .toEqual(["stored", "stored", "stored", "stored", "stored", "stored"]);
  });

  it("replaying every delivery three times creates nothing twice", async () => {
    const { org, instanceId, providerName } = await inboxFixture();
    const bodies = [
      textUpsert(providerName, { remoteJid: jid("5511987650002") }, "um"),
      textUpsert(providerName, { remoteJid: jid("5511987650002") }, "dois"),
      textUpsert(providerName, { remoteJid: jid("5511987650003") }, "três"),
    ];
    for (const body of bodies) await deliver(org.organizationId, instanceId, body);
    const before = await inboxCounts(org.organizationId);
    for (let round = 0; round < 3; round++) {
      // At the door: the same body is recognised and not stored again…
      for (const body of bodies) expect((await deliver(org.organizationId, instanceId, body)).stored).toBe(false);
      // …and processing a stored delivery again (e.g. after "reprocessar") changes nothing.
      await withOrganization(org.organizationId, (tx) =>
        tx.webhookDelivery.updateMany({ data: { processedAt: null } }),
      );
      await drainWebhookDeliveries({ organizationId: org.organizationId, instanceId });
    }
    expect(before).toEqual({ contacts: 2, conversations: 2, messages: 3 });
    expect(await inboxCounts(org.organizationId)).toEqual(before);
  });

  it("one contact for a Brazilian mobile with and without the 9th digit", async () => {
    const { org, owner, instanceId, providerName } = await inboxFixture();
    await deliver(
      org.organizationId,
      instanceId,
      textUpsert(providerName, { remoteJid: jid("553199998888") }, "antigo"),
    );
    await deliver(
      org.organizationId,
      instanceId,
      textUpsert(providerName, { remoteJid: jid("5531999998888") }, "novo"),
    );
    expect(await inboxCounts(org.organizationId)).toEqual({ contacts: 1, conversations: 1, messages: 2 });
    const [conversation] = (await owner.conversations.list({ limit: 5 })).items;
    expect(conversation!.phone).toBe("+5531999998888");
  });

  it("a LID-only chat is merged into the phone's contact when the alternate JID arrives, audited", async () => {
    const { org, owner, instanceId, providerName } = await inboxFixture();
    const phone = jid("5511987650004");
    const lid = "201234567890123@lid";
    await deliver(org.organizationId, instanceId, textUpsert(providerName, { remoteJid: phone }, "pelo número"));
    await deliver(org.organizationId, instanceId, textUpsert(providerName, { remoteJid: lid }, "pelo LID"));
    expect(await inboxCounts(org.organizationId)).toMatchObject({ contacts: 2, conversations: 2 });

    await deliver(
      org.organizationId,
      instanceId,
      textUpsert(providerName, { remoteJid: lid, remoteJidAlt: phone }, "os dois juntos"),
    );
    expect(await inboxCounts(org.organizationId)).toEqual({ contacts: 1, conversations: 1, messages: 3 });
    const [conversation] = (await owner.conversations.list({ limit: 5 })).items;
    expect(conversation).toMatchObject({ phone: "+5511987650004", unreadCount: 3 });
    const contact = await withOrganization(org.organizationId, (tx) => tx.contact.findFirstOrThrow());
    expect(contact).toMatchObject({ phoneE164: "+5511987650004", lid });
    const audit = await withOrganization(org.organizationId, (tx) =>
      tx.auditLog.findMany({ where: { action: "contact.merged" } }),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.metadata).toMatchObject({ reason: "lid-linked", merged: { lid } });
  });

  it("groups are conversations of their own, with each author resolved", async () => {
    const { org, owner, instanceId, providerName } = await inboxFixture();
    const group = "120363025246125888@g.us";
    await deliver(
      org.organizationId,
      instanceId,
      textUpsert(providerName, { remoteJid: group, participant: jid("5511987650005") }, "bom dia", { pushName: "Ana" }),
    );
    await deliver(
      org.organizationId,
      instanceId,
      textUpsert(
        providerName,
        { remoteJid: group, participant: "209999999999999@lid", participantAlt: jid("5511987650006") },
        "oi equipe",
        { pushName: "Bia" },
      ),
    );
    const { items } = await owner.conversations.list({ limit: 5 });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: "group", contactId: null });
    const page = await owner.conversations.messages({ conversationId: items[0]!.id, limit: 10 });
    expect(page.items.map((m) => m.senderName)).toEqual(["Ana", "Bia"]);
    expect((await inboxCounts(org.organizationId)).contacts).toBe(2);
  });

  it("malformed and unknown events are kept and marked; a failing one is dead-lettered and reprocessable", async () => {
    const { org, owner, instanceId, providerName } = await inboxFixture();
    const malformed = await deliver(org.organizationId, instanceId, {
      event: "messages.upsert",
      instance: providerName,
      data: { key: { id: 42 } },
    });
    const unknown = await deliver(org.organizationId, instanceId, {
      event: "presence.update",
      instance: providerName,
      data: { id: jid("5511987650007"), presences: {} },
    });
    const rows = await withOrganization(org.organizationId, (tx) =>
      tx.webhookDelivery.findMany({ where: { id: { in: [malformed.deliveryId!, unknown.deliveryId!] } } }),
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(malformed.deliveryId!)).toMatchObject({
      error: "deliveryMalformed",
      errorParams: { reason: expect.any(String) },
    });
    expect(byId.get(malformed.deliveryId!)!.deadAt).not.toBeNull();
    expect(byId.get(unknown.deliveryId!)).toMatchObject({ error: "unhandled: presence.update", deadAt: null });
    expect((await inboxCounts(org.organizationId)).messages).toBe(0);

    const dead = await owner.webhooks.deadDeliveries({ limit: 10 });
    expect(dead.map((d) => d.id)).toEqual([malformed.deliveryId]);
    await owner.webhooks.reprocess({ deliveryId: malformed.deliveryId! });
    // Processed again by the worker (and, still malformed, set aside again).
    await expect
      .poll(async () => (await owner.webhooks.deadDeliveries({ limit: 10 }))[0]?.deadAt, { timeout: 15_000 })
      .toSatisfy((deadAt: string | undefined) => !!deadAt && deadAt > dead[0]!.deadAt);
  });
});

describe("inbox: replies", () => {
  it("reply → the simulator receives it once → acks out of order end at read", async () => {
    const { org, owner, providerName } = await connectedFixture();
    const { messageId: inboundId } = await simulator.inbound(providerName, {
      type: "text",
      from: "5511987650010",
      text: "Qual o horário?",
    });
    expect(inboundId).toBeTruthy();
    await expect.poll(async () => (await inboxCounts(org.organizationId)).messages, { timeout: 15_000 }).toBe(1);
    const [conversation] = (await owner.conversations.list({ limit: 5 })).items;

    const clientMessageId = randomUUID();
    const reply = await owner.conversations.reply({
      conversationId: conversation!.id,
      clientMessageId,
      body: "Das 8h às 18h",
    });
    // Submitting the same composer message again does not create a second one.
    const again = await owner.conversations.reply({
      conversationId: conversation!.id,
      clientMessageId,
      body: "Das 8h às 18h",
    });
    expect(again.id).toBe(reply.id);
    expect(reply).toMatchObject({ status: "pending", direction: "outbound" });

    const statusOf = async () =>
      (await owner.conversations.messages({ conversationId: conversation!.id, limit: 10 })).items.find(
        (m) => m.id === reply.id,
      )!;
    await expect.poll(async () => (await statusOf()).status, { timeout: 15_000 }).toBe("sent");
    const sent = (await simulator.sent(providerName)).filter((s) => s.text === "Das 8h às 18h");
    expect(sent).toHaveLength(1);
    const providerMessageId = (await statusOf()).providerMessageId!;
    expect(providerMessageId).toBe(sent[0]!.messageId);

    await simulator.ack(providerName, providerMessageId, "READ");
    await simulator.ack(providerName, providerMessageId, "DELIVERY_ACK");
    await simulator.ack(providerName, providerMessageId, "SERVER_ACK");
    await expect.poll(async () => (await statusOf()).status, { timeout: 15_000 }).toBe("read");
    await new Promise((r) => setTimeout(r, 500));
    expect((await statusOf()).status).toBe("read");
  });

  it("an ack that overtakes the send's own record is applied when the id is recorded", async () => {
    const { org, owner, instanceId, providerName } = await inboxFixture();
    await deliver(org.organizationId, instanceId, textUpsert(providerName, { remoteJid: jid("5511987650011") }, "oi"));
    const [conversation] = (await owner.conversations.list({ limit: 5 })).items;
    // A reply being sent (claimed by a worker; written directly so the test's worker stays out of it).
    const reply = await withOrganization(org.organizationId, (tx) =>
      tx.message.create({
        data: {
          organizationId: org.organizationId,
          instanceId,
          conversationId: conversation!.id,
          direction: "outbound",
          type: "text",
          body: "olá",
          status: "sending",
          sendClaimedAt: new Date(),
          sentAt: new Date(),
        },
      }),
    );
    const providerMessageId = newMessageId();
    await deliver(
      org.organizationId,
      instanceId,
      statusUpdate(providerName, providerMessageId, jid("5511987650011"), "DELIVERY_ACK"),
    );
    // The echo of the send (send.message) arrives after the ack and is matched to the reply.
    await deliver(
      org.organizationId,
      instanceId,
      textUpsert(providerName, { remoteJid: jid("5511987650011"), fromMe: true, id: providerMessageId }, "olá", {
        event: "send.message",
      }),
    );
    const messages = await owner.conversations.messages({ conversationId: conversation!.id, limit: 10 });
    expect(messages.items).toHaveLength(2);
    expect(messages.items[1]).toMatchObject({ id: reply.id, providerMessageId, status: "delivered" });
  });

  it("a send whose outcome was lost is reconciled from Evolution's records, never sent twice", async () => {
    const { org, owner, instanceId, providerName } = await connectedFixture();
    await simulator.inbound(providerName, { type: "text", from: "5511987650012", text: "oi" });
    await expect.poll(async () => (await inboxCounts(org.organizationId)).messages, { timeout: 15_000 }).toBe(1);
    const [conversation] = (await owner.conversations.list({ limit: 5 })).items;
    // Webhooks paused: only findMessages can tell what happened.
    await simulator.webhooks({ paused: true });
    try {
      const reply = await withOrganization(org.organizationId, async (tx) => {
        const conv = await tx.conversation.findUniqueOrThrow({ where: { id: conversation!.id } });
        return tx.message.create({
          data: {
            organizationId: org.organizationId,
            instanceId,
            conversationId: conv.id,
            direction: "outbound",
            type: "text",
            body: "enviada antes da queda",
            status: "sending",
            sendClaimedAt: new Date(),
            sentAt: new Date(),
          },
        });
      });
      // The worker called Evolution, then died before recording the answer.
      const conv = await withOrganization(org.organizationId, (tx) =>
        tx.conversation.findUniqueOrThrow({ where: { id: conversation!.id } }),
      );
      const sent = await whatsappProviderOfKind("evolution").sendText({
        instanceName: providerName,
        to: conv.chatAddress,
        text: "enviada antes da queda",
      });
      // The job runs again: the claim is gone, so it does not send; the message becomes unknown.
      await deliverMessage({ organizationId: org.organizationId, messageId: reply.id });
      const unknown = await withOrganization(org.organizationId, (tx) =>
        tx.message.findUniqueOrThrow({ where: { id: reply.id } }),
      );
      expect(unknown.status).toBe("unknown");
      await reconcileMessage({ organizationId: org.organizationId, messageId: reply.id });
      const settled = await withOrganization(org.organizationId, (tx) =>
        tx.message.findUniqueOrThrow({ where: { id: reply.id } }),
      );
      expect(settled).toMatchObject({ status: "sent", providerMessageId: sent.providerMessageId });
      expect((await simulator.sent(providerName)).filter((s) => s.text === "enviada antes da queda")).toHaveLength(1);
    } finally {
      await simulator.webhooks({ paused: false });
    }
  });

  it("a refused send fails with its reason and can be retried", async () => {
    const { org, owner, providerName } = await connectedFixture();
    await simulator.inbound(providerName, { type: "text", from: "5511987650013", text: "oi" });
    await expect.poll(async () => (await inboxCounts(org.organizationId)).messages, { timeout: 15_000 }).toBe(1);
    const [conversation] = (await owner.conversations.list({ limit: 5 })).items;
    await simulator.failSends(providerName, { mode: "not-on-whatsapp", times: 1 });
    const reply = await owner.conversations.reply({
      conversationId: conversation!.id,
      clientMessageId: randomUUID(),
      body: "vai falhar",
    });
    const find = async () =>
      (await owner.conversations.messages({ conversationId: conversation!.id, limit: 10 })).items.find(
        (m) => m.id === reply.id,
      )!;
    await expect.poll(async () => (await find()).status, { timeout: 15_000 }).toBe("failed");
    expect((await find()).failureReason).toBe("notOnWhatsapp");
    await owner.conversations.retryMessage({ messageId: reply.id });
    await expect.poll(async () => (await find()).status, { timeout: 15_000 }).toBe("sent");
  });

  it("notes stay internal; tags, assignment and status filter the list; search finds text without accents", async () => {
    const { org, owner, instanceId, providerName } = await inboxFixture();
    await deliver(
      org.organizationId,
      instanceId,
      textUpsert(providerName, { remoteJid: jid("5511987650014") }, "Não recebi a cobrança", {
        pushName: "José Araújo",
      }),
    );
    await deliver(
      org.organizationId,
      instanceId,
      textUpsert(providerName, { remoteJid: jid("5511987650015") }, "bom dia"),
    );
    const { items } = await owner.conversations.list({ limit: 5 });
    const jose = items.find((c) => c.title === "José Araújo")!;

    const note = await owner.conversations.addNote({
      conversationId: jose.id,
      clientMessageId: randomUUID(),
      body: "cliente VIP",
    });
    expect(note).toMatchObject({ direction: "internal", type: "note" });
    const tag = await owner.tags.create({ name: "Financeiro", color: "orange" });
    await owner.conversations.setTag({ conversationId: jose.id, tagId: tag.id, present: true });
    await owner.conversations.assign({ conversationId: jose.id, assigneeId: org.ownerId });
    await owner.conversations.setStatus({ conversationId: jose.id, status: "pending" });

    expect((await owner.conversations.list({ tagId: tag.id, limit: 5 })).items.map((c) => c.id)).toEqual([jose.id]);
    expect((await owner.conversations.list({ assignee: "me", limit: 5 })).items.map((c) => c.id)).toEqual([jose.id]);
    expect((await owner.conversations.list({ assignee: "none", limit: 5 })).items).toHaveLength(1);
    expect((await owner.conversations.list({ status: "pending", limit: 5 })).items.map((c) => c.id)).toEqual([jose.id]);

    expect((await owner.conversations.search({ query: "cobranca", limit: 5 })).items.map((c) => c.id)).toEqual([
      jose.id,
    ]);
    expect((await owner.conversations.search({ query: "jose arau", limit: 5 })).items.map((c) => c.id)).toEqual([
      jose.id,
    ]);
    expect((await owner.conversations.search({ query: "87650014", limit: 5 })).items.map((c) => c.id)).toEqual([
      jose.id,
    ]);
    // The team's notes are searchable too, and never sent.
    expect((await owner.conversations.search({ query: "VIP", limit: 5 })).items.map((c) => c.id)).toEqual([jose.id]);
    const sends = await withOrganization(org.organizationId, (tx) =>
      tx.message.count({ where: { status: "pending" } }),
    );
    expect(sends).toBe(0);
  });

  it("keyset pages walk the whole list without repeats", async () => {
    const { org, owner, instanceId, providerName } = await inboxFixture();
    const base = Math.floor(Date.now() / 1000) - 1000;
    for (let i = 0; i < 25; i++)
      await deliver(
        org.organizationId,
        instanceId,
        textUpsert(providerName, { remoteJid: jid(`55119876510${String(i).padStart(2, "0")}`) }, `m${i}`, {
          // Several conversations share a second: the id breaks the tie.
          timestamp: base + Math.floor(i / 3),
        }),
      );
    const seen: string[] = [];
    let cursor: { at: string; id: string } | null = null;
    do {
      const page: Awaited<ReturnType<typeof owner.conversations.list>> = await owner.conversations.list({
        limit: 7,
        cursor,
      });
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
  });
});
