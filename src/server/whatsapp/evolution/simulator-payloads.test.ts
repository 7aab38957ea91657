/**
 * Everything the Evolution simulator (src/simulator, faithful to contract §11) posts for messages must
 * parse: each inbound kind, LID and group keys, own messages, API sends, acks, reactions, edits, revokes
 * and contacts. Runs the simulator and a webhook receiver on free local ports.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../../simulator/server";
import type { ProviderEvent, ProviderMessage } from "../provider";
import { parseEvolutionWebhook } from "./webhook";

const API_KEY = "payloads-test-key";
const OWN_PHONE = "5511912345678";
const CONTACT = "5511987654321";

interface Delivery {
  event: string;
  data: unknown;
}

let simulator: RunningSimulator;
let receiver: http.Server;
let receiverUrl: string;
const deliveries: Delivery[] = [];

async function waitFor<T>(probe: () => T | undefined | false, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting for a webhook delivery");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${simulator.url}${path}`, {
    method,
    headers: { apikey: API_KEY, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** Injects a message from WhatsApp's side and returns its id once its webhook arrived. */
async function inbound(request: Record<string, unknown>): Promise<string> {
  const count = (event: string) => deliveries.filter((delivery) => delivery.event === event).length;
  const before = new Map(
    ["messages.upsert", "messages.edited", "messages.delete"].map((event) => [event, count(event)]),
  );
  const injected = await call("POST", "/_control/instances/payloads/inbound", { from: CONTACT, ...request });
  expect(injected.status).toBe(201);
  const { messageId, event } = injected.body as { messageId: string; event: string };
  await waitFor(() => count(event) > before.get(event)!);
  return messageId;
}

/** The parsed events of every delivery so far (each must parse), with the raw event name. */
function parsedEvents(): { event: string; parsed: ProviderEvent }[] {
  return deliveries.flatMap((delivery) =>
    parseEvolutionWebhook({ ...delivery, instance: "payloads" }).events.map((parsed) => ({
      event: delivery.event,
      parsed,
    })),
  );
}

function messageWithId(id: string): ProviderMessage {
  const found = parsedEvents().find(
    ({ parsed }) => parsed.kind === "message.received" && parsed.message.providerMessageId === id,
  );
  if (!found || found.parsed.kind !== "message.received") throw new Error(`no message event for ${id}`);
  return found.parsed.message;
}

beforeAll(async () => {
  receiver = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      // Kept raw (as stored by Mirage): every delivery goes through parseEvolutionWebhook in the tests.
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Delivery;
      deliveries.push(body);
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  simulator = await startSimulator({ apiKey: API_KEY, port: 0, qrIntervalMs: 60_000, webhookRetryBaseMs: 20 });

  const created = await call("POST", "/instance/create", {
    instanceName: "payloads",
    integration: "WHATSAPP-BAILEYS",
    webhook: { url: `${receiverUrl}/hook`, events: [], base64: true },
  });
  expect(created.status).toBe(201);
  await call("GET", "/instance/connect/payloads");
  await call("POST", "/_control/instances/payloads/scan", { phoneNumber: OWN_PHONE, profileName: "Loja Teste" });
  await waitFor(() =>
    deliveries.find(
      (delivery) => delivery.event === "connection.update" && JSON.stringify(delivery.data).includes('"open"'),
    ),
  );
});

afterAll(async () => {
  await simulator?.close();
  await new Promise<void>((resolve) => receiver?.close(() => resolve()));
});

describe("simulator payloads", () => {
  it("maps every inbound kind the simulator produces", async () => {
    const text = await inbound({ type: "text", text: "Oi", pushName: "Maria" });
    expect(messageWithId(text)).toMatchObject({
      chat: {
        kind: "direct",
        address: CONTACT,
        phone: CONTACT,
        lid: expect.stringMatching(/@lid$/),
      },
      sender: { phone: CONTACT, name: "Maria" },
      status: "delivered",
      content: { type: "text", text: "Oi" },
      origin: "upsert",
    });

    const lid = await inbound({ type: "text", text: "via LID", lid: true });
    expect(messageWithId(lid).chat).toMatchObject({
      kind: "direct",
      address: expect.stringMatching(/@lid$/),
      phone: CONTACT,
    });

    const reply = await inbound({ type: "extendedText", text: "respondendo", targetMessageId: text });
    expect(messageWithId(reply)).toMatchObject({ content: { type: "text" }, quotedProviderMessageId: text });

    const expected: [Record<string, unknown>, Record<string, unknown>][] = [
      [
        { type: "image", caption: "foto" },
        { type: "image", caption: "foto", media: { mimeType: "image/jpeg" } },
      ],
      [{ type: "audio" }, { type: "audio", voice: false, seconds: 3 }],
      [{ type: "voice" }, { type: "audio", voice: true }],
      [
        { type: "video", caption: "vídeo" },
        { type: "video", caption: "vídeo" },
      ],
      [
        { type: "document", fileName: "boleto.pdf", caption: "segue" },
        { type: "document", caption: "segue", media: { fileName: "boleto.pdf", mimeType: "application/pdf" } },
      ],
      [{ type: "sticker" }, { type: "sticker", caption: null }],
      [
        { type: "location", latitude: -22.9, longitude: -43.2, text: "Praia" },
        { type: "location", latitude: -22.9, longitude: -43.2, name: "Praia" },
      ],
      [
        { type: "contact", contactName: "Ana", contactPhone: "5511955554444" },
        { type: "contact", displayName: "Ana", phones: ["5511955554444"] },
      ],
    ];
    for (const [request, content] of expected) {
      const id = await inbound(request);
      const message = messageWithId(id);
      expect(message.content).toMatchObject(content);
      if ("media" in message.content) {
        // The webhook's base64 option is on: the bytes and their declared size came along.
        expect(message.content.media.base64).toMatch(/^[A-Za-z0-9+/]+=*$/);
        expect(message.content.media.size).toBe(Buffer.from(message.content.media.base64!, "base64").length);
      }
    }

    const group = await inbound({ type: "text", text: "Bom dia", group: { subject: "Equipe" }, lid: true });
    expect(messageWithId(group)).toMatchObject({
      chat: { kind: "group", address: expect.stringMatching(/@g\.us$/) },
      sender: { phone: CONTACT, lid: expect.stringMatching(/@lid$/) },
    });

    const own = await inbound({ type: "text", text: "do celular", fromMe: true });
    expect(messageWithId(own)).toMatchObject({ fromMe: true, sender: null, status: "sent" });
  });

  it("maps reactions, edits and revokes", async () => {
    const target = await inbound({ type: "text", text: "original" });
    const reaction = await inbound({ type: "reaction", text: "👍", targetMessageId: target });
    const removal = await inbound({ type: "reaction", text: "", targetMessageId: target });
    const reactions = parsedEvents().flatMap(({ parsed }) => (parsed.kind === "message.reaction" ? [parsed] : []));
    expect(reactions.find((event) => event.providerMessageId === reaction)).toMatchObject({
      targetProviderMessageId: target,
      emoji: "👍",
      fromMe: false,
      chat: { address: CONTACT },
    });
    expect(reactions.find((event) => event.providerMessageId === removal)).toMatchObject({ emoji: "" });

    await inbound({ type: "edit", text: "corrigido", targetMessageId: target });
    const edit = parsedEvents().find(({ parsed }) => parsed.kind === "message.edited")?.parsed;
    expect(edit).toMatchObject({ kind: "message.edited", targetProviderMessageId: target, text: "corrigido" });

    await inbound({ type: "revoke", targetMessageId: target });
    await waitFor(() => deliveries.find((delivery) => delivery.event === "messages.delete"));
    const revokes = parsedEvents().filter(({ parsed }) => parsed.kind === "message.revoked");
    expect(revokes.map(({ event, parsed }) => [event, parsed])).toEqual([
      // The protocol key names this account, so messages.edited cannot tell the chat; messages.delete can.
      [
        "messages.edited",
        { kind: "message.revoked", instanceName: "payloads", targetProviderMessageId: target, chat: null },
      ],
      [
        "messages.delete",
        {
          kind: "message.revoked",
          instanceName: "payloads",
          targetProviderMessageId: target,
          chat: {
            kind: "direct",
            address: CONTACT,
            phone: CONTACT,
            lid: expect.stringMatching(/@lid$/),
          },
        },
      ],
    ]);
  });

  it("maps API sends (send.message) and their acks (messages.update)", async () => {
    const sent = await call("POST", "/message/sendText/payloads", { number: CONTACT, text: "Olá!" });
    expect(sent.status).toBe(201);
    const id = (sent.body as { key: { id: string } }).key.id;
    const media = await call("POST", "/message/sendMedia/payloads", {
      number: CONTACT,
      mediatype: "document",
      media: Buffer.from("%PDF-1.4 teste").toString("base64"),
      fileName: "boleto.pdf",
      caption: "segue",
    });
    expect(media.status).toBe(201);
    for (const status of ["SERVER_ACK", "DELIVERY_ACK", "READ"]) {
      await call("POST", "/_control/instances/payloads/ack", { messageId: id, status });
    }
    await waitFor(() => deliveries.filter((delivery) => delivery.event === "messages.update").length >= 3);
    await waitFor(() => deliveries.filter((delivery) => delivery.event === "send.message").length >= 2);

    expect(messageWithId(id)).toMatchObject({
      fromMe: true,
      sender: null,
      status: "pending",
      origin: "send",
      content: { type: "text", text: "Olá!" },
    });
    expect(messageWithId((media.body as { key: { id: string } }).key.id)).toMatchObject({
      origin: "send",
      content: { type: "document", caption: "segue", media: { fileName: "boleto.pdf", mimeType: "application/pdf" } },
    });
    const statuses = parsedEvents().flatMap(({ parsed }) =>
      parsed.kind === "message.status" && parsed.providerMessageId === id ? [parsed.status] : [],
    );
    expect(statuses).toEqual(["sent", "delivered", "read"]);
  });

  it("parses every delivery, and maps contacts", () => {
    const events = parsedEvents();
    const contacts = events.flatMap(({ parsed }) => (parsed.kind === "contact.updated" ? [parsed] : []));
    expect(contacts.length).toBeGreaterThan(0);
    expect(contacts[0]).toMatchObject({
      person: { phone: CONTACT },
      profilePictureUrl: expect.stringMatching(/^https:/),
    });
    // Own messages report an empty pushName, which is no name.
    expect(contacts.some((contact) => contact.person.name === null)).toBe(true);
    const unsupported = events.flatMap(({ parsed }) => (parsed.kind === "unsupported" ? [parsed.event] : []));
    expect(new Set(unsupported)).toEqual(new Set(["instance.create"]));
  });
});
