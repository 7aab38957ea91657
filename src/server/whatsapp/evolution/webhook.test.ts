import { describe, expect, it } from "vitest";
import { AppError } from "../../errors";
import { parseEvolutionWebhook } from "./webhook";

const INSTANCE_ID = "0b8c2f9e-3c1e-4c6a-9d7e-5a1f2b3c4d5e";

/** A delivery as Evolution POSTs it (contract §10.1). */
function delivery(event: string, data: unknown, extra: Record<string, unknown> = {}) {
  return {
    event,
    instance: "acme",
    data,
    destination: "https://hooks.example.com/evo",
    date_time: "2025-10-21T08:40:39.123Z",
    sender: "5511987654321@s.whatsapp.net",
    server_url: "http://localhost:8080",
    apikey: null,
    ...extra,
  };
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

describe("parseEvolutionWebhook: connection events", () => {
  it("maps connection.update open, with the phone taken from wuid", () => {
    const parsed = parseEvolutionWebhook(
      delivery("connection.update", {
        instance: "acme",
        wuid: "5511987654321@s.whatsapp.net",
        profileName: "Acme Store",
        profilePictureUrl: "https://pps.whatsapp.net/v/t61.24694-24/abc.jpg",
        state: "open",
        statusReason: 200,
      }),
    );
    expect(parsed).toMatchObject({ event: "connection.update", instanceName: "acme" });
    expect(parsed.events).toEqual([
      {
        kind: "connection.changed",
        instanceName: "acme",
        state: "open",
        reason: null,
        phoneNumber: "5511987654321",
        profileName: "Acme Store",
        profilePictureUrl: "https://pps.whatsapp.net/v/t61.24694-24/abc.jpg",
      },
    ]);
    expect(parsed.dedupeKey).toMatch(SHA256_HEX);
  });

  it("maps connecting, close 401 and refused 428, Baileys codes as neutral reasons", () => {
    const states = [
      { instance: "acme", state: "connecting", statusReason: 200 },
      { instance: "acme", state: "close", statusReason: 401 },
      { instance: "acme", state: "refused", statusReason: 428 },
    ].map((data) => parseEvolutionWebhook(delivery("connection.update", data)).events[0]);
    expect(states).toEqual([
      expect.objectContaining({ kind: "connection.changed", state: "connecting", reason: null, phoneNumber: null }),
      {
        kind: "connection.changed",
        instanceName: "acme",
        state: "close",
        reason: "logged_out",
        phoneNumber: null,
        profileName: null,
        profilePictureUrl: null,
      },
      expect.objectContaining({ kind: "connection.changed", state: "refused", reason: "connection_closed" }),
    ]);
  });

  it("maps qrcode.updated, keeping the data URL for <img src>", () => {
    const parsed = parseEvolutionWebhook(
      delivery(
        "qrcode.updated",
        {
          qrcode: {
            instance: "acme",
            pairingCode: null,
            code: "2@Qk9HVVM...,aGVsbG8=,d29ybGQ=,Zm9vYmFy",
            base64: "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA",
          },
        },
        { sender: undefined },
      ),
    );
    expect(parsed.events).toEqual([
      {
        kind: "qr.updated",
        instanceName: "acme",
        qr: {
          dataUrl: "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA",
          code: "2@Qk9HVVM...,aGVsbG8=,d29ybGQ=,Zm9vYmFy",
          pairingCode: null,
          count: 0,
        },
      },
    ]);
  });

  it("maps the QR-limit notice to a refused connection", () => {
    const parsed = parseEvolutionWebhook(
      delivery("qrcode.updated", { message: "QR code limit reached, please login again", statusCode: 500 }),
    );
    expect(parsed.events).toEqual([
      {
        kind: "connection.changed",
        instanceName: "acme",
        state: "refused",
        reason: "bad_session",
        phoneNumber: null,
        profileName: null,
        profilePictureUrl: null,
      },
    ]);
  });

  it("maps logout.instance, whose data is null", () => {
    const parsed = parseEvolutionWebhook(delivery("logout.instance", null));
    expect(parsed.events).toEqual([{ kind: "session.logged_out", instanceName: "acme" }]);
    expect(parsed.dedupeKey).toMatch(SHA256_HEX);
  });
});

describe("parseEvolutionWebhook: message events, dedupe keys and timing", () => {
  const textMessage = {
    key: {
      remoteJid: "5511987654321@s.whatsapp.net",
      remoteJidAlt: "201234567890123@lid",
      fromMe: false,
      id: "3A5F0C9D8E7B6A5F4E3D",
      addressingMode: "pn",
    },
    pushName: "Maria",
    status: "DELIVERY_ACK",
    message: { conversation: "Oi, tudo bem?", messageContextInfo: { deviceListMetadataVersion: 2 } },
    messageType: "conversation",
    messageTimestamp: 1761057600,
    instanceId: INSTANCE_ID,
    source: "ios",
  };

  it("maps messages.upsert to a message, keyed by the WhatsApp id and timed by messageTimestamp", () => {
    const parsed = parseEvolutionWebhook(delivery("messages.upsert", textMessage));
    expect(parsed.events).toMatchObject([
      { kind: "message.received", instanceName: "acme", message: { origin: "upsert" } },
    ]);
    expect(parsed.dedupeKey).toBe("messages.upsert:3A5F0C9D8E7B6A5F4E3D");
    expect(parsed.occurredAt).toEqual(new Date(1761057600 * 1000));
  });

  it("keys LID, group and media upserts by their WhatsApp id, leaving 2.3.6's binary fields alone", () => {
    const lid = {
      ...textMessage,
      key: {
        ...textMessage.key,
        remoteJid: "201234567890123@lid",
        remoteJidAlt: "5511987654321@s.whatsapp.net",
        addressingMode: "lid",
      },
    };
    const group = {
      key: {
        remoteJid: "120363025246125888@g.us",
        fromMe: false,
        id: "AC1F2E3D4C5B6A79",
        participant: "201234567890123@lid",
        participantAlt: "5511987654321@s.whatsapp.net",
      },
      pushName: "Maria",
      status: "DELIVERY_ACK",
      message: { conversation: "Bom dia, equipe" },
      messageType: "conversation",
      messageTimestamp: 1761057700,
      instanceId: INSTANCE_ID,
      source: "android",
    };
    const image = {
      key: { remoteJid: "5511987654321@s.whatsapp.net", fromMe: false, id: "3A77E1D2C3B4A5968778" },
      pushName: "Maria",
      status: "DELIVERY_ACK",
      message: {
        imageMessage: {
          url: "https://mmg.whatsapp.net/o1/v/t62.7118-24/f1/m233/abc.enc?ccb=9-4",
          mimetype: "image/jpeg",
          caption: "comprovante",
          fileSha256: { "0": 12, "1": 250 },
          fileLength: { low: 52342, high: 0, unsigned: true },
          mediaKey: { "0": 1, "1": 2 },
          mediaKeyTimestamp: { low: 1761057000, high: 0, unsigned: false },
        },
        base64: "/9j/4AAQSkZJRgABAQAAAQ",
      },
      messageType: "imageMessage",
      messageTimestamp: 1761057800,
      instanceId: INSTANCE_ID,
      source: "android",
    };
    expect(parseEvolutionWebhook(delivery("messages.upsert", lid)).dedupeKey).toBe(
      "messages.upsert:3A5F0C9D8E7B6A5F4E3D",
    );
    expect(parseEvolutionWebhook(delivery("messages.upsert", group)).dedupeKey).toBe(
      "messages.upsert:AC1F2E3D4C5B6A79",
    );
    const parsedImage = parseEvolutionWebhook(delivery("messages.upsert", image));
    expect(parsedImage.dedupeKey).toBe("messages.upsert:3A77E1D2C3B4A5968778");
    expect(parsedImage.occurredAt).toEqual(new Date(1761057800 * 1000));
  });

  it("keys send.message by its WhatsApp id", () => {
    const sent = {
      key: { remoteJid: "5511987654321@s.whatsapp.net", fromMe: true, id: "3EB0A1B2C3D4E5F6A7B8C9" },
      pushName: "Você",
      status: "PENDING",
      message: { conversation: "Olá!" },
      contextInfo: { mentionedJid: [], groupMentions: [], disappearingMode: { initiator: 0 } },
      messageType: "conversation",
      messageTimestamp: 1761057639,
      instanceId: INSTANCE_ID,
      source: "web",
    };
    const parsed = parseEvolutionWebhook(delivery("send.message", sent));
    expect(parsed.dedupeKey).toBe("send.message:3EB0A1B2C3D4E5F6A7B8C9");
    expect(parsed.events).toMatchObject([{ kind: "message.received", message: { origin: "send", status: "pending" } }]);
  });

  it("keys messages.update by WhatsApp id and status", () => {
    const update = (status: string) => ({
      keyId: "3EB0A1B2C3D4E5F6A7B8C9",
      remoteJid: "5511987654321@s.whatsapp.net",
      fromMe: true,
      status,
      instanceId: INSTANCE_ID,
      messageId: "cm2xk0w3e0007abcd",
    });
    expect(parseEvolutionWebhook(delivery("messages.update", update("READ"))).dedupeKey).toBe(
      "3EB0A1B2C3D4E5F6A7B8C9:READ",
    );
    expect(parseEvolutionWebhook(delivery("messages.update", update("DELIVERY_ACK"))).dedupeKey).toBe(
      "3EB0A1B2C3D4E5F6A7B8C9:DELIVERY_ACK",
    );
  });

  it("keys messages.delete by the deleted message's WhatsApp id, in both shapes", () => {
    const revoke = { remoteJid: "5511987654321@s.whatsapp.net", fromMe: false, id: "3A5F0C9D8E7B6A5F4E3D" };
    expect(parseEvolutionWebhook(delivery("messages.delete", revoke)).dedupeKey).toBe(
      "messages.delete:3A5F0C9D8E7B6A5F4E3D",
    );
    const storedRow = {
      id: "cm2xk0w3e0009abcd",
      instanceId: INSTANCE_ID,
      key: revoke,
      messageType: "conversation",
      status: "DELETED",
    };
    expect(parseEvolutionWebhook(delivery("messages.delete", storedRow)).dedupeKey).toBe(
      "messages.delete:3A5F0C9D8E7B6A5F4E3D",
    );
  });

  it("keys messages.edited by the target id and type, each edit by its own timestampMs", () => {
    const key = { remoteJid: "5511912345678@s.whatsapp.net", fromMe: true, id: "3A5F0C9D8E7B6A5F4E3D" };
    const edit = (text: string, timestampMs: string) => ({
      key,
      type: "MESSAGE_EDIT",
      editedMessage: { conversation: text },
      timestampMs,
    });
    const first = parseEvolutionWebhook(delivery("messages.edited", edit("corrigido", "1761057900123")));
    expect(first.dedupeKey).toBe("messages.edited:3A5F0C9D8E7B6A5F4E3D:MESSAGE_EDIT:1761057900123");
    expect(first.occurredAt).toEqual(new Date(1761057900123));
    const second = parseEvolutionWebhook(delivery("messages.edited", edit("de novo", "1761057960456")));
    expect(second.dedupeKey).not.toBe(first.dedupeKey);
    const retry = parseEvolutionWebhook(
      delivery("messages.edited", edit("corrigido", "1761057900123"), { date_time: "2025-10-21T08:45:00.000Z" }),
    );
    expect(retry.dedupeKey).toBe(first.dedupeKey);

    expect(parseEvolutionWebhook(delivery("messages.edited", { key, type: "REVOKE" })).dedupeKey).toBe(
      "messages.edited:3A5F0C9D8E7B6A5F4E3D:REVOKE",
    );
    expect(parseEvolutionWebhook(delivery("messages.edited", { key, type: 0 })).dedupeKey).toBe(
      "messages.edited:3A5F0C9D8E7B6A5F4E3D:REVOKE",
    );
  });

  it("hashes messages.update without a real status, so it never takes a receipt's key", () => {
    const base = { keyId: "3EB0A1B2C3D4E5F6A7B8C9", remoteJid: "5511987654321@s.whatsapp.net", fromMe: true };
    const statusless = parseEvolutionWebhook(delivery("messages.update", base));
    expect(statusless.dedupeKey).toMatch(SHA256_HEX);
    // 2.3.7 reports an edit as an update with `message` and a fallback SERVER_ACK.
    const contentUpdate = parseEvolutionWebhook(
      delivery("messages.update", { ...base, status: "SERVER_ACK", message: { editedMessage: { message: {} } } }),
    );
    expect(contentUpdate.dedupeKey).toMatch(SHA256_HEX);
    expect(contentUpdate.events).toEqual([]);
  });

  it("keys contacts by a hash of the body", () => {
    const contact = { remoteJid: "5511987654321@s.whatsapp.net", pushName: "Maria", instanceId: INSTANCE_ID };
    const parsed = parseEvolutionWebhook(delivery("contacts.update", contact));
    expect(parsed.dedupeKey).toMatch(SHA256_HEX);
    expect(parseEvolutionWebhook(delivery("contacts.update", contact)).dedupeKey).toBe(parsed.dedupeKey);
  });

  it("marks every other event unsupported, hashed, timed now", () => {
    const others: [string, unknown][] = [
      [
        "status.instance",
        {
          instance: "acme",
          status: "closed",
          disconnectionAt: "2025-10-21T15:00:00.000Z",
          disconnectionReasonCode: 401,
          disconnectionObject: "{}",
        },
      ],
      [
        "presence.update",
        {
          id: "5511987654321@s.whatsapp.net",
          presences: { "5511987654321@s.whatsapp.net": { lastKnownPresence: "composing" } },
        },
      ],
      ["remove.instance", null],
      ["instance.create", { instanceName: "acme", instanceId: INSTANCE_ID }],
      ["chats.upsert", [{ remoteJid: "5511987654321@s.whatsapp.net", instanceId: INSTANCE_ID, unreadMessages: 0 }]],
      ["messages.set", [{ key: { remoteJid: "5511987654321@s.whatsapp.net", id: "X" }, messageTimestamp: "x" }]],
      [
        "call",
        {
          chat: "5511987654321@s.whatsapp.net",
          from: "5511987654321@s.whatsapp.net",
          id: "C1",
          status: "offer",
          isVideo: false,
          isGroup: false,
        },
      ],
      [
        "group-participants.update",
        {
          id: "120363025246125888@g.us",
          participants: ["5511987654321@s.whatsapp.net"],
          action: "add",
          participantsData: [],
        },
      ],
    ];
    const before = Date.now();
    for (const [event, data] of others) {
      const parsed = parseEvolutionWebhook(delivery(event, data));
      expect(parsed.events).toEqual([{ kind: "unsupported", instanceName: "acme", event }]);
      expect(parsed.dedupeKey).toMatch(SHA256_HEX);
      expect(parsed.occurredAt.getTime()).toBeGreaterThanOrEqual(before);
    }
  });
});

describe("parseEvolutionWebhook: dedupe keys", () => {
  const connecting = { instance: "acme", state: "connecting", statusReason: 200 };

  it("gives a redelivered body the same key", () => {
    const first = parseEvolutionWebhook(delivery("connection.update", connecting));
    const retry = parseEvolutionWebhook(JSON.parse(JSON.stringify(delivery("connection.update", connecting))));
    expect(retry.dedupeKey).toBe(first.dedupeKey);
  });

  it("tells apart two events that differ only in date_time, instance or data", () => {
    const keys = [
      delivery("connection.update", connecting),
      delivery("connection.update", connecting, { date_time: "2025-10-21T08:40:40.001Z" }),
      delivery("connection.update", connecting, { instance: "other" }),
      delivery("connection.update", { ...connecting, state: "open" }),
    ].map((body) => parseEvolutionWebhook(body).dedupeKey);
    expect(new Set(keys).size).toBe(4);
  });

  it("ignores envelope fields that a redelivery may change, such as the destination", () => {
    const first = parseEvolutionWebhook(delivery("logout.instance", null));
    const other = parseEvolutionWebhook(
      delivery("logout.instance", null, { destination: "https://elsewhere.example.com" }),
    );
    expect(other.dedupeKey).toBe(first.dedupeKey);
  });
});

describe("parseEvolutionWebhook: malformed bodies", () => {
  it.each([
    ["not an object", "hello"],
    ["null", null],
    ["no event", { instance: "acme", data: {} }],
    ["empty event", { event: "", instance: "acme", data: {} }],
    ["no instance", { event: "connection.update", data: { state: "open" } }],
  ])("rejects an envelope with %s", (_, body) => {
    expect(() => parseEvolutionWebhook(body)).toThrow(
      expect.objectContaining({ code: "VALIDATION", reason: "webhookNotEvolutionEvent" }),
    );
  });

  it("rejects connection data it cannot read, naming the event and the field", () => {
    let error: unknown;
    try {
      parseEvolutionWebhook(delivery("connection.update", { instance: "acme", state: "sleeping" }));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: "VALIDATION",
      reason: "evolutionEventMalformed",
      params: { event: "connection.update" },
      details: { event: "connection.update" },
    });
    expect(Object.keys((error as AppError).fieldErrors ?? {})).toEqual(["state"]);
  });

  it("does not modify the body it reads", () => {
    const body = delivery("connection.update", { instance: "acme", state: "open", statusReason: 200, extra: { a: 1 } });
    const copy = structuredClone(body);
    parseEvolutionWebhook(body);
    expect(body).toEqual(copy);
  });
});
