import { describe, expect, it } from "vitest";
import { AppError } from "../../errors";
import type { ProviderEvent, ProviderMessage } from "../provider";
import { vcardPhones } from "./message-content";
import { parseEvolutionWebhook } from "./webhook";

/**
 * Payloads as Evolution 2.3.x posts them (contract §7.2, §11.4–§11.8) and as src/simulator emits them:
 * 2.3.6 binary fields as `{"0":…}` objects and Longs as `{low, high, unsigned}` (§12).
 */
const INSTANCE_ID = "0b8c2f9e-3c1e-4c6a-9d7e-5a1f2b3c4d5e";
const OWN_JID = "5511912345678@s.whatsapp.net";
const PHONE_JID = "5511987654321@s.whatsapp.net";
const LID = "201234567890123@lid";
const GROUP_JID = "120363025246125888@g.us";
const AT = 1761057600;

function delivery(event: string, data: unknown, extra: Record<string, unknown> = {}) {
  return {
    event,
    instance: "acme",
    data,
    destination: "https://hooks.example.com/evo",
    date_time: "2025-10-21T05:40:39.123Z",
    sender: OWN_JID,
    server_url: "http://localhost:8080",
    apikey: null,
    ...extra,
  };
}

const eventsOf = (event: string, data: unknown, extra?: Record<string, unknown>): ProviderEvent[] =>
  parseEvolutionWebhook(delivery(event, data, extra)).events;

function messageOf(event: string, data: unknown): ProviderMessage {
  const events = eventsOf(event, data);
  expect(events).toHaveLength(1);
  const [only] = events;
  if (only?.kind !== "message.received") throw new Error(`expected a message event, got ${only?.kind}`);
  return only.message;
}

/** A 2.3.6 byte field, opaque to Mirage. */
const bytes = { "0": 12, "1": 250, "2": 7 };
const long = (value: number, unsigned = true) => ({ low: value, high: 0, unsigned });

/** An incoming upsert in a direct chat, phone JID first (2.4.0's order; 2.3.6's "pn" addressing). */
function upsert(message: Record<string, unknown>, overrides: Record<string, unknown> = {}) {
  const messageType = Object.keys(message).find((key) => key !== "messageContextInfo" && key !== "base64");
  return {
    key: { remoteJid: PHONE_JID, remoteJidAlt: LID, fromMe: false, id: "3A5F0C9D8E7B6A5F4E3D", addressingMode: "pn" },
    pushName: "Maria",
    status: "DELIVERY_ACK",
    message: { ...message, messageContextInfo: { deviceListMetadataVersion: 2 } },
    messageType,
    messageTimestamp: AT,
    instanceId: INSTANCE_ID,
    source: "ios",
    ...overrides,
  };
}

/** 2.3.6 media fields as the simulator writes them (binary and Long fields included, to be ignored). */
const mediaFields = {
  url: "https://mmg.whatsapp.net/o1/v/t62.7118-24/f2/m231/abc.enc?ccb=9-4&mms3=true",
  fileSha256: bytes,
  fileLength: long(52342),
  mediaKey: bytes,
  fileEncSha256: bytes,
  directPath: "/o1/v/t62.7118-24/f2/m231/abc.enc?ccb=9-4",
  mediaKeyTimestamp: long(AT, false),
};

describe("messages.upsert: chats and people", () => {
  it("maps a direct text with the phone JID first and the LID as alternate (2.4.0 order)", () => {
    const message = messageOf("messages.upsert", upsert({ conversation: "Oi, tudo bem?" }));
    expect(message).toEqual({
      providerMessageId: "3A5F0C9D8E7B6A5F4E3D",
      chat: { kind: "direct", address: "5511987654321", phone: "5511987654321", lid: LID },
      fromMe: false,
      sender: { phone: "5511987654321", lid: LID, name: "Maria" },
      timestamp: new Date(AT * 1000),
      status: "delivered",
      content: { type: "text", text: "Oi, tudo bem?", linkPreview: null },
      quotedProviderMessageId: null,
      origin: "upsert",
    });
  });

  it("maps a chat addressed by LID, the phone in remoteJidAlt (2.3.6 order), keeping the LID as the address", () => {
    const data = upsert(
      { conversation: "Oi" },
      { key: { remoteJid: LID, remoteJidAlt: PHONE_JID, fromMe: false, id: "3A1", addressingMode: "lid" } },
    );
    const message = messageOf("messages.upsert", data);
    expect(message.chat).toEqual({ kind: "direct", address: LID, phone: "5511987654321", lid: LID });
    expect(message.sender).toEqual({ phone: "5511987654321", lid: LID, name: "Maria" });
  });

  it("maps an older key without alternates, and a LID-only chat", () => {
    const old = upsert({ conversation: "Oi" }, { key: { remoteJid: PHONE_JID, fromMe: false, id: "3A2" } });
    expect(messageOf("messages.upsert", old).chat).toEqual({
      kind: "direct",
      address: "5511987654321",
      phone: "5511987654321",
      lid: null,
    });
    const lidOnly = upsert({ conversation: "Oi" }, { key: { remoteJid: LID, fromMe: false, id: "3A3" } });
    expect(messageOf("messages.upsert", lidOnly)).toMatchObject({
      chat: { kind: "direct", address: LID, phone: null, lid: LID },
      sender: { phone: null, lid: LID, name: "Maria" },
    });
  });

  it("maps a group message: the sender from participant / participantAlt, in either order", () => {
    const group = (participant: string, participantAlt: string) =>
      upsert(
        { conversation: "Bom dia, equipe" },
        { key: { remoteJid: GROUP_JID, fromMe: false, id: "AC1F2E3D4C5B6A79", participant, participantAlt } },
      );
    for (const data of [group(LID, PHONE_JID), group(PHONE_JID, LID)]) {
      const message = messageOf("messages.upsert", data);
      expect(message.chat).toEqual({ kind: "group", address: GROUP_JID });
      expect(message.sender).toEqual({ phone: "5511987654321", lid: LID, name: "Maria" });
    }
  });

  it("gives no name when Evolution filled pushName with the participant's digits, or it is empty", () => {
    const noName = upsert(
      { conversation: "oi" },
      { key: { remoteJid: GROUP_JID, fromMe: false, id: "AC2", participant: PHONE_JID }, pushName: "5511987654321" },
    );
    expect(messageOf("messages.upsert", noName).sender).toEqual({ phone: "5511987654321", lid: null, name: null });
    const empty = upsert({ conversation: "oi" }, { pushName: "" });
    expect(messageOf("messages.upsert", empty).sender?.name).toBeNull();
  });

  it("maps an own message typed on the phone: fromMe, no sender, acknowledged by the server", () => {
    const data = upsert(
      { conversation: "Já te respondo" },
      {
        key: { remoteJid: PHONE_JID, remoteJidAlt: LID, fromMe: true, id: "3A4", addressingMode: "pn" },
        pushName: "Loja Teste",
        status: "SERVER_ACK",
      },
    );
    expect(messageOf("messages.upsert", data)).toMatchObject({
      fromMe: true,
      sender: null,
      status: "sent",
      chat: { kind: "direct", address: "5511987654321", phone: "5511987654321", lid: LID },
    });
    const inGroup = upsert(
      { conversation: "Oi grupo" },
      { key: { remoteJid: GROUP_JID, fromMe: true, id: "3A5", participant: OWN_JID }, status: "SERVER_ACK" },
    );
    expect(messageOf("messages.upsert", inGroup)).toMatchObject({
      fromMe: true,
      sender: null,
      chat: { kind: "group" },
    });
  });

  it("maps send.message (the send response, contract §7.2) with origin send and status pending", () => {
    const sent = {
      key: { remoteJid: PHONE_JID, fromMe: true, id: "3EB0A1B2C3D4E5F6A7B8C9" },
      pushName: "Você",
      status: "PENDING",
      message: { conversation: "Olá!" },
      contextInfo: {
        mentionedJid: [],
        groupMentions: [],
        ephemeralSettingTimestamp: long(AT - 172_800, false),
        disappearingMode: { initiator: 0 },
      },
      messageType: "conversation",
      messageTimestamp: 1761057639,
      instanceId: INSTANCE_ID,
      source: "web",
    };
    expect(messageOf("send.message", sent)).toEqual({
      providerMessageId: "3EB0A1B2C3D4E5F6A7B8C9",
      chat: { kind: "direct", address: "5511987654321", phone: "5511987654321", lid: null },
      fromMe: true,
      sender: null,
      timestamp: new Date(1761057639 * 1000),
      status: "pending",
      content: { type: "text", text: "Olá!", linkPreview: null },
      quotedProviderMessageId: null,
      origin: "send",
    });
  });

  it("reads messageTimestamp as a number, a decimal string (≤2.3.2) or a Long (2.3.6), never date_time", () => {
    for (const messageTimestamp of [AT, String(AT), long(AT, true)]) {
      const parsed = parseEvolutionWebhook(
        delivery("messages.upsert", upsert({ conversation: "x" }, { messageTimestamp })),
      );
      expect(parsed.occurredAt).toEqual(new Date(AT * 1000));
      expect((parsed.events[0] as { message: ProviderMessage }).message.timestamp).toEqual(new Date(AT * 1000));
    }
  });

  it("maps every delivery status, and leaves an unknown one without status", () => {
    const statuses = ["PENDING", "SERVER_ACK", "DELIVERY_ACK", "READ", "PLAYED", "ERROR", "DELETED"].map(
      (status) => messageOf("messages.upsert", upsert({ conversation: "x" }, { status })).status,
    );
    expect(statuses).toEqual(["pending", "sent", "delivered", "read", "played", "failed", null]);
  });

  it("yields no event for status@broadcast, broadcast lists and @newsletter channels", () => {
    const chats = ["status@broadcast", "1761057600@broadcast", "120363400000000000@newsletter"];
    for (const remoteJid of chats) {
      const data = upsert(
        { conversation: "story" },
        { key: { remoteJid, fromMe: false, id: "3A6", participant: PHONE_JID } },
      );
      expect(eventsOf("messages.upsert", data)).toEqual([]);
      expect(eventsOf("send.message", { ...data, key: { ...data.key, fromMe: true } })).toEqual([]);
    }
  });
});

describe("messages.upsert: content", () => {
  const contentOf = (message: Record<string, unknown>, overrides?: Record<string, unknown>) =>
    messageOf("messages.upsert", upsert(message, overrides)).content;

  it("reads a reply's quoted id from the top-level contextInfo (text folded into conversation)", () => {
    const reply = upsert(
      { conversation: "Sim, pode ser" },
      {
        contextInfo: {
          stanzaId: "3EB0QUOTED000000000000",
          participant: OWN_JID,
          quotedMessage: { conversation: "Amanhã às 10h?" },
        },
      },
    );
    expect(messageOf("messages.upsert", reply).quotedProviderMessageId).toBe("3EB0QUOTED000000000000");
  });

  it("reads a media reply's quoted id from the content's own contextInfo", () => {
    const reply = upsert({
      imageMessage: { ...mediaFields, mimetype: "image/jpeg", contextInfo: { stanzaId: "3A7QUOTED" } },
    });
    expect(messageOf("messages.upsert", reply).quotedProviderMessageId).toBe("3A7QUOTED");
  });

  it("maps extendedTextMessage (kept inside wrappers) with its link preview", () => {
    const extended = {
      extendedTextMessage: {
        text: "Olha https://example.com/promo",
        matchedText: "https://example.com/promo",
        canonicalUrl: "https://example.com/promo/",
        title: "Promoção",
        description: "Só hoje",
        jpegThumbnail: bytes,
        contextInfo: { stanzaId: "3A8", expiration: 604800 },
      },
    };
    expect(contentOf({ ephemeralMessage: { message: extended } })).toEqual({
      type: "text",
      text: "Olha https://example.com/promo",
      linkPreview: { url: "https://example.com/promo/", title: "Promoção", description: "Só hoje" },
    });
    expect(messageOf("messages.upsert", upsert(extended)).quotedProviderMessageId).toBe("3A8");
    expect(contentOf({ extendedTextMessage: { text: "sem link" } })).toEqual({
      type: "text",
      text: "sem link",
      linkPreview: null,
    });
    expect(contentOf({ extendedTextMessage: { text: "só a url", matchedText: "https://a.example" } })).toEqual({
      type: "text",
      text: "só a url",
      linkPreview: { url: "https://a.example", title: null, description: null },
    });
  });

  it("maps an image with the webhook's base64 and a Long, string or number fileLength", () => {
    const image = (fileLength: unknown) => ({
      imageMessage: {
        ...mediaFields,
        mimetype: "image/jpeg",
        caption: "comprovante",
        fileLength,
        height: 1280,
        width: 960,
        jpegThumbnail: bytes,
      },
      base64: "/9j/4AAQSkZJRgABAQAAAQ",
    });
    for (const fileLength of [long(52342), "52342", 52342]) {
      expect(contentOf(image(fileLength))).toEqual({
        type: "image",
        caption: "comprovante",
        media: { mimeType: "image/jpeg", fileName: null, size: 52342, base64: "/9j/4AAQSkZJRgABAQAAAQ" },
      });
    }
    // Without the base64 option the bytes come later, through getMedia; an odd size is just unknown.
    expect(contentOf({ imageMessage: { mimetype: "image/png", fileLength: { weird: true } } })).toEqual({
      type: "image",
      caption: null,
      media: { mimeType: "image/png", fileName: null, size: null, base64: null },
    });
  });

  it("maps video, ptv (round video) and sticker", () => {
    expect(contentOf({ videoMessage: { ...mediaFields, mimetype: "video/mp4", seconds: 5, caption: "olha" } })).toEqual(
      {
        type: "video",
        caption: "olha",
        seconds: 5,
        media: { mimeType: "video/mp4", fileName: null, size: 52342, base64: null },
      },
    );
    expect(contentOf({ ptvMessage: { ...mediaFields, mimetype: "video/mp4", seconds: 8 } })).toMatchObject({
      type: "video",
      caption: null,
      seconds: 8,
    });
    expect(contentOf({ stickerMessage: { ...mediaFields, mimetype: "image/webp", isAnimated: false } })).toEqual({
      type: "sticker",
      caption: null,
      media: { mimeType: "image/webp", fileName: null, size: 52342, base64: null },
    });
  });

  it("maps a voice note (ptt) and a plain audio", () => {
    const voice = { ...mediaFields, mimetype: "audio/ogg; codecs=opus", seconds: 3, ptt: true, waveform: bytes };
    expect(contentOf({ audioMessage: voice })).toEqual({
      type: "audio",
      voice: true,
      seconds: 3,
      media: { mimeType: "audio/ogg; codecs=opus", fileName: null, size: 52342, base64: null },
    });
    // protobuf JSON leaves out false and zero values.
    expect(contentOf({ audioMessage: { mimetype: "audio/mpeg" } })).toMatchObject({
      type: "audio",
      voice: false,
      seconds: null,
    });
  });

  it("maps a document, plain or inside documentWithCaptionMessage", () => {
    const document = {
      ...mediaFields,
      mimetype: "application/pdf",
      title: "boleto.pdf",
      pageCount: 1,
      fileName: "boleto.pdf",
      caption: "segue",
    };
    const expected = {
      type: "document",
      caption: "segue",
      media: { mimeType: "application/pdf", fileName: "boleto.pdf", size: 52342, base64: "JVBERi0xLjQ=" },
    };
    expect(contentOf({ documentMessage: document, base64: "JVBERi0xLjQ=" })).toEqual(expected);
    expect(
      contentOf({ documentWithCaptionMessage: { message: { documentMessage: document } }, base64: "JVBERi0xLjQ=" }),
    ).toEqual(expected);
    expect(contentOf({ documentMessage: { mimetype: "text/plain", title: "notas.txt" } })).toMatchObject({
      media: { fileName: "notas.txt" },
    });
  });

  it("maps a location, with zero coordinates left out by protobuf JSON", () => {
    expect(contentOf({ locationMessage: { degreesLatitude: -23.5613, degreesLongitude: -46.6565 } })).toEqual({
      type: "location",
      latitude: -23.5613,
      longitude: -46.6565,
      name: null,
      address: null,
    });
    expect(
      contentOf({
        locationMessage: {
          degreesLongitude: -46.6565,
          name: "Loja",
          address: "Av. Paulista, 1000",
          jpegThumbnail: bytes,
        },
      }),
    ).toEqual({ type: "location", latitude: 0, longitude: -46.6565, name: "Loja", address: "Av. Paulista, 1000" });
  });

  it("maps a shared contact, its phones from the vCard's waid", () => {
    const vcard =
      "BEGIN:VCARD\nVERSION:3.0\nN:;Contato;;;\nFN:Contato\nitem1.TEL;waid=5511955554444:+5511955554444\nitem1.X-ABLabel:Celular\nEND:VCARD";
    expect(contentOf({ contactMessage: { displayName: "Contato", vcard } })).toEqual({
      type: "contact",
      displayName: "Contato",
      phones: ["5511955554444"],
      vcard,
    });
    expect(contentOf({ contactMessage: { vcard: "BEGIN:VCARD\nFN:Sem Nome\nEND:VCARD" } })).toEqual({
      type: "contact",
      displayName: "Sem Nome",
      phones: [],
      vcard: "BEGIN:VCARD\nFN:Sem Nome\nEND:VCARD",
    });
  });

  it("joins several shared contacts into one card", () => {
    const card = (name: string, phone: string) =>
      `BEGIN:VCARD\nVERSION:3.0\nFN:${name}\nTEL;type=CELL;waid=${phone}:+${phone}\nEND:VCARD`;
    const content = contentOf({
      contactsArrayMessage: {
        displayName: "2 contatos",
        contacts: [
          { displayName: "Ana", vcard: card("Ana", "5511911112222") },
          { displayName: "Pedro", vcard: card("Pedro", "5521933334444") },
        ],
      },
    });
    expect(content).toEqual({
      type: "contact",
      displayName: "Ana, Pedro",
      phones: ["5511911112222", "5521933334444"],
      vcard: `${card("Ana", "5511911112222")}\n${card("Pedro", "5521933334444")}`,
    });
  });

  it("unwraps ephemeral and view-once wrappers", () => {
    const image = { imageMessage: { mimetype: "image/jpeg", caption: "uma vez", viewOnce: true } };
    for (const wrapped of [
      { viewOnceMessage: { message: image } },
      { viewOnceMessageV2: { message: image } },
      { ephemeralMessage: { message: { viewOnceMessageV2: { message: image } } } },
    ]) {
      expect(contentOf(wrapped)).toMatchObject({ type: "image", caption: "uma vez" });
    }
  });

  it("keeps kinds Mirage does not render as unsupported, named by their content key", () => {
    const poll = {
      pollCreationMessageV3: { name: "Pizza?", options: [{ optionName: "Sim" }], selectableOptionsCount: 1 },
    };
    expect(contentOf(poll, { messageType: "pollCreationMessageV3" })).toEqual({
      type: "unsupported",
      messageType: "pollCreationMessageV3",
    });
    // A group's first message also carries the sender key, which is not content.
    expect(
      contentOf({ senderKeyDistributionMessage: { groupId: GROUP_JID }, liveLocationMessage: { degreesLatitude: 1 } }),
    ).toEqual({ type: "unsupported", messageType: "liveLocationMessage" });
    expect(contentOf({ ephemeralMessage: { message: { buttonsMessage: { contentText: "Escolha" } } } })).toEqual({
      type: "unsupported",
      messageType: "buttonsMessage",
    });
    expect(messageOf("messages.upsert", upsert({}, { message: null, messageType: "unknown" })).content).toEqual({
      type: "unsupported",
      messageType: "unknown",
    });
  });

  it("reads phones from vCards with or without waid, once each", () => {
    expect(
      vcardPhones(
        "BEGIN:VCARD\r\nTEL;type=CELL;waid=5511911112222:+55 11 91111-2222\r\nTEL;type=WORK:+1 (555) 010-0000\r\nitem2.TEL;waid=5511911112222:+5511911112222\r\nEND:VCARD",
      ),
    ).toEqual(["5511911112222", "15550100000"]);
    expect(vcardPhones(null)).toEqual([]);
  });
});

describe("reactions", () => {
  /** The simulator's reaction: Baileys rewrote the key into our perspective (our chat, fromMe of the target). */
  // `text: undefined` leaves the field out, as WhatsApp does for some removals.
  const reaction = (text: string | undefined, overrides: Record<string, unknown> = {}) =>
    upsert(
      {
        reactionMessage: {
          key: { remoteJid: PHONE_JID, fromMe: true, id: "3EB0TARGET00000000000000" },
          ...(text === undefined ? {} : { text }),
          senderTimestampMs: long(1761057600123, false),
        },
      },
      { key: { remoteJid: PHONE_JID, remoteJidAlt: LID, fromMe: false, id: "3A9REACTION" }, ...overrides },
    );

  it("maps an added reaction", () => {
    expect(eventsOf("messages.upsert", reaction("👍"))).toEqual([
      {
        kind: "message.reaction",
        instanceName: "acme",
        providerMessageId: "3A9REACTION",
        targetProviderMessageId: "3EB0TARGET00000000000000",
        chat: { kind: "direct", address: "5511987654321", phone: "5511987654321", lid: LID },
        fromMe: false,
        sender: { phone: "5511987654321", lid: LID, name: "Maria" },
        emoji: "👍",
        timestamp: new Date(AT * 1000),
      },
    ]);
  });

  it("maps a removed reaction (empty or absent text) to an empty emoji", () => {
    expect(eventsOf("messages.upsert", reaction(""))).toMatchObject([{ kind: "message.reaction", emoji: "" }]);
    const absent = reaction(undefined);
    expect(absent.message).not.toHaveProperty("reactionMessage.text");
    expect(eventsOf("messages.upsert", absent)).toMatchObject([{ kind: "message.reaction", emoji: "" }]);
  });

  it("maps an own reaction from the phone, in a group", () => {
    const own = reaction("❤️", {
      key: { remoteJid: GROUP_JID, fromMe: true, id: "3A9OWN", participant: OWN_JID },
    });
    expect(eventsOf("messages.upsert", own)).toMatchObject([
      {
        kind: "message.reaction",
        fromMe: true,
        sender: null,
        chat: { kind: "group", address: GROUP_JID },
        emoji: "❤️",
      },
    ]);
  });
});

describe("edits and revokes", () => {
  /** The simulator's messages.edited: the raw protocolMessage, its key as the editor wrote it. */
  const edited = (key: Record<string, unknown>, editedMessage: unknown = { conversation: "corrigido" }) => ({
    key,
    type: "MESSAGE_EDIT",
    editedMessage,
    timestampMs: "1761057900123",
  });

  it("maps a contact's edit: the key names this account, so the chat is that JID without identity", () => {
    const events = eventsOf(
      "messages.edited",
      edited({ remoteJid: OWN_JID, fromMe: true, id: "3A5F0C9D8E7B6A5F4E3D" }),
    );
    expect(events).toEqual([
      {
        kind: "message.edited",
        instanceName: "acme",
        targetProviderMessageId: "3A5F0C9D8E7B6A5F4E3D",
        chat: { kind: "direct", address: "5511912345678", phone: null, lid: null },
        text: "corrigido",
        timestamp: new Date(1761057900123),
      },
    ]);
  });

  it("maps an own edit from the phone (the key names the contact) and a group edit", () => {
    expect(eventsOf("messages.edited", edited({ remoteJid: PHONE_JID, fromMe: true, id: "3A10" }))).toMatchObject([
      { kind: "message.edited", chat: { kind: "direct", address: "5511987654321", phone: "5511987654321", lid: null } },
    ]);
    expect(
      eventsOf("messages.edited", edited({ remoteJid: GROUP_JID, fromMe: true, id: "3A11", participant: PHONE_JID })),
    ).toMatchObject([{ kind: "message.edited", chat: { kind: "group", address: GROUP_JID } }]);
  });

  it("reads the new text from extendedTextMessage or an edited caption, and the type as a number", () => {
    const key = { remoteJid: PHONE_JID, fromMe: true, id: "3A12" };
    expect(
      eventsOf("messages.edited", { ...edited(key, { extendedTextMessage: { text: "novo" } }), type: 14 }),
    ).toMatchObject([{ kind: "message.edited", text: "novo" }]);
    expect(
      eventsOf("messages.edited", edited(key, { imageMessage: { caption: "nova legenda", mimetype: "image/jpeg" } })),
    ).toMatchObject([{ kind: "message.edited", text: "nova legenda" }]);
    expect(eventsOf("messages.edited", edited(key, { pollCreationMessage: { name: "?" } }))).toEqual([
      { kind: "unsupported", instanceName: "acme", event: "messages.edited" },
    ]);
    expect(eventsOf("messages.edited", edited({ id: "3A12" }))).toEqual([
      { kind: "unsupported", instanceName: "acme", event: "messages.edited" },
    ]);
  });

  it("maps a revoke from messages.edited: no chat when the key names this account", () => {
    const revoke = (key: Record<string, unknown>, type: unknown = "REVOKE") => ({ key, type });
    expect(eventsOf("messages.edited", revoke({ remoteJid: OWN_JID, fromMe: true, id: "3A13" }))).toEqual([
      { kind: "message.revoked", instanceName: "acme", targetProviderMessageId: "3A13", chat: null },
    ]);
    expect(eventsOf("messages.edited", revoke({ remoteJid: LID, fromMe: true, id: "3A14" }, 0))).toEqual([
      { kind: "message.revoked", instanceName: "acme", targetProviderMessageId: "3A14", chat: null },
    ]);
    expect(eventsOf("messages.edited", revoke({ remoteJid: PHONE_JID, fromMe: true, id: "3A15" }))).toEqual([
      {
        kind: "message.revoked",
        instanceName: "acme",
        targetProviderMessageId: "3A15",
        chat: { kind: "direct", address: "5511987654321", phone: "5511987654321", lid: null },
      },
    ]);
    // An admin deleting someone else's message in a group.
    expect(
      eventsOf("messages.edited", revoke({ remoteJid: GROUP_JID, fromMe: false, id: "3A16", participant: PHONE_JID })),
    ).toMatchObject([{ kind: "message.revoked", chat: { kind: "group", address: GROUP_JID } }]);
    // Before the first `open` there is no sender: nothing to compare the key with, the phone JID is trusted.
    expect(
      eventsOf("messages.edited", revoke({ remoteJid: OWN_JID, fromMe: true, id: "3A17" }), { sender: undefined }),
    ).toMatchObject([{ kind: "message.revoked", chat: { address: "5511912345678" } }]);
  });

  it("ignores other protocol messages reported as edits (history sync, ephemeral settings)", () => {
    expect(eventsOf("messages.edited", { type: "HISTORY_SYNC_NOTIFICATION", historySyncNotification: {} })).toEqual([]);
    expect(
      eventsOf("messages.edited", {
        key: { remoteJid: PHONE_JID, id: "3A18" },
        type: "EPHEMERAL_SETTING",
        ephemeralExpiration: 86400,
      }),
    ).toEqual([]);
    expect(
      eventsOf("messages.edited", { key: { remoteJid: "status@broadcast", fromMe: true, id: "3A19" }, type: "REVOKE" }),
    ).toEqual([]);
  });

  it("maps an upsert carrying a protocol message with the upsert's own chat", () => {
    const protocol = {
      key: { remoteJid: OWN_JID, fromMe: true, id: "3A20" },
      type: "MESSAGE_EDIT",
      editedMessage: { conversation: "editado" },
    };
    expect(eventsOf("messages.upsert", upsert({ protocolMessage: protocol }))).toEqual([
      {
        kind: "message.edited",
        instanceName: "acme",
        targetProviderMessageId: "3A20",
        chat: { kind: "direct", address: "5511987654321", phone: "5511987654321", lid: LID },
        text: "editado",
        timestamp: new Date(AT * 1000),
      },
    ]);
    expect(
      eventsOf(
        "messages.upsert",
        upsert({ editedMessage: { message: { protocolMessage: { ...protocol, type: "REVOKE" } } } }),
      ),
    ).toEqual([
      {
        kind: "message.revoked",
        instanceName: "acme",
        targetProviderMessageId: "3A20",
        chat: { kind: "direct", address: "5511987654321", phone: "5511987654321", lid: LID },
      },
    ]);
  });

  it("maps messages.delete in both shapes (remote revoke key, API-deleted row) to a revoke", () => {
    const remote = { remoteJid: PHONE_JID, fromMe: false, id: "3A5F0C9D8E7B6A5F4E3D" };
    const revoke = {
      kind: "message.revoked",
      instanceName: "acme",
      targetProviderMessageId: "3A5F0C9D8E7B6A5F4E3D",
      chat: { kind: "direct", address: "5511987654321", phone: "5511987654321", lid: null },
    };
    expect(eventsOf("messages.delete", remote)).toEqual([revoke]);
    // 2.3.7+ adds status "DELETED".
    expect(eventsOf("messages.delete", { ...remote, status: "DELETED" })).toEqual([revoke]);
    const row = {
      id: "cm2xk0w3e0009abcd",
      instanceId: INSTANCE_ID,
      key: remote,
      messageType: "conversation",
      status: "DELETED",
      source: "ios",
      messageTimestamp: AT,
      pushName: "Maria",
      participant: null,
      message: { conversation: "ops" },
    };
    expect(eventsOf("messages.delete", row)).toEqual([revoke]);
    const lid = { remoteJid: LID, remoteJidAlt: PHONE_JID, fromMe: false, id: "3A21", addressingMode: "lid" };
    expect(eventsOf("messages.delete", lid)).toMatchObject([
      { chat: { kind: "direct", address: LID, phone: "5511987654321", lid: LID } },
    ]);
    const group = { remoteJid: GROUP_JID, fromMe: false, id: "3A22", participant: LID };
    expect(eventsOf("messages.delete", group)).toMatchObject([{ chat: { kind: "group", address: GROUP_JID } }]);
    expect(eventsOf("messages.delete", { id: "3A23" })).toEqual([
      { kind: "message.revoked", instanceName: "acme", targetProviderMessageId: "3A23", chat: null },
    ]);
    expect(eventsOf("messages.delete", { remoteJid: "status@broadcast", fromMe: false, id: "3A24" })).toEqual([]);
  });
});

describe("messages.update (receipts)", () => {
  const update = (status: unknown, extra: Record<string, unknown> = {}) => ({
    keyId: "3EB0A1B2C3D4E5F6A7B8C9",
    remoteJid: PHONE_JID,
    fromMe: true,
    status,
    instanceId: INSTANCE_ID,
    messageId: "cm2xk0w3e0007abcd",
    ...extra,
  });

  it("maps each ack to a status event", () => {
    const mapped = ["PENDING", "SERVER_ACK", "DELIVERY_ACK", "READ", "PLAYED", "ERROR"].map(
      (status) => eventsOf("messages.update", update(status))[0],
    );
    expect(mapped.map((event) => event?.kind === "message.status" && event.status)).toEqual([
      "pending",
      "sent",
      "delivered",
      "read",
      "played",
      "failed",
    ]);
    expect(mapped[3]).toEqual({
      kind: "message.status",
      instanceName: "acme",
      providerMessageId: "3EB0A1B2C3D4E5F6A7B8C9",
      chat: "5511987654321",
      fromMe: true,
      status: "read",
    });
  });

  it("maps a group receipt (with participant) and one without remoteJid or fromMe", () => {
    expect(eventsOf("messages.update", update("READ", { remoteJid: GROUP_JID, participant: LID }))).toMatchObject([
      { kind: "message.status", chat: GROUP_JID, status: "read" },
    ]);
    expect(eventsOf("messages.update", { keyId: "3A25", status: "DELIVERY_ACK" })).toEqual([
      {
        kind: "message.status",
        instanceName: "acme",
        providerMessageId: "3A25",
        chat: null,
        fromMe: false,
        status: "delivered",
      },
    ]);
  });

  it("marks 2.3.6's DELETED unsupported and skips updates that are not receipts", () => {
    expect(eventsOf("messages.update", update("DELETED"))).toEqual([
      { kind: "unsupported", instanceName: "acme", event: "messages.update" },
    ]);
    expect(eventsOf("messages.update", update(undefined))).toEqual([]);
    expect(eventsOf("messages.update", update(null))).toEqual([]);
    expect(eventsOf("messages.update", update("SERVER_ACK", { pollUpdates: [{ name: "Sim", voters: [] }] }))).toEqual(
      [],
    );
    expect(eventsOf("messages.update", update("READ", { remoteJid: "status@broadcast" }))).toEqual([]);
  });
});

describe("contacts.upsert / contacts.update", () => {
  it("maps a sync array to one contact event each, skipping groups and broadcasts", () => {
    const rows = [
      { remoteJid: PHONE_JID, pushName: "Maria", profilePicUrl: null, instanceId: INSTANCE_ID },
      { remoteJid: LID, pushName: "Ana", profilePicUrl: "https://pps.whatsapp.net/a.jpg", instanceId: INSTANCE_ID },
      // Evolution names a contact without a name by its JID's digits.
      {
        remoteJid: "5521988887777@s.whatsapp.net",
        pushName: "5521988887777",
        profilePicUrl: null,
        instanceId: INSTANCE_ID,
      },
      { remoteJid: GROUP_JID, pushName: "Equipe", profilePicUrl: null, instanceId: INSTANCE_ID },
      { remoteJid: "status@broadcast", pushName: "", instanceId: INSTANCE_ID },
    ];
    expect(eventsOf("contacts.upsert", rows)).toEqual([
      {
        kind: "contact.updated",
        instanceName: "acme",
        person: { phone: "5511987654321", lid: null, name: "Maria" },
        profilePictureUrl: null,
      },
      {
        kind: "contact.updated",
        instanceName: "acme",
        person: { phone: null, lid: LID, name: "Ana" },
        profilePictureUrl: "https://pps.whatsapp.net/a.jpg",
      },
      {
        kind: "contact.updated",
        instanceName: "acme",
        person: { phone: "5521988887777", lid: null, name: null },
        profilePictureUrl: null,
      },
    ]);
  });

  it("maps the single object sent after a message; an own message's empty pushName is no name", () => {
    const contact = {
      remoteJid: PHONE_JID,
      pushName: "",
      profilePicUrl: "https://pps.whatsapp.net/v/t61.24694-24/xyz.jpg",
      instanceId: INSTANCE_ID,
    };
    expect(eventsOf("contacts.update", contact)).toEqual([
      {
        kind: "contact.updated",
        instanceName: "acme",
        person: { phone: "5511987654321", lid: null, name: null },
        profilePictureUrl: "https://pps.whatsapp.net/v/t61.24694-24/xyz.jpg",
      },
    ]);
    // contacts.update after a sync may leave pushName and the picture out.
    expect(eventsOf("contacts.update", [{ remoteJid: PHONE_JID, instanceId: INSTANCE_ID }])).toEqual([
      {
        kind: "contact.updated",
        instanceName: "acme",
        person: { phone: "5511987654321", lid: null, name: null },
        profilePictureUrl: null,
      },
    ]);
    expect(eventsOf("contacts.upsert", { remoteJid: GROUP_JID, pushName: "Maria", instanceId: INSTANCE_ID })).toEqual(
      [],
    );
    expect(eventsOf("contacts.upsert", [])).toEqual([]);
  });
});

describe("malformed message data", () => {
  function rejection(event: string, data: unknown): AppError {
    try {
      parseEvolutionWebhook(delivery(event, data));
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      return error as AppError;
    }
    throw new Error(`${event} did not throw`);
  }

  it.each([
    ["messages.upsert", { ...upsert({ conversation: "x" }), key: { remoteJid: PHONE_JID, fromMe: false } }, "key.id"],
    ["messages.upsert", { ...upsert({ conversation: "x" }), key: { id: "3A", fromMe: false } }, "key.remoteJid"],
    ["messages.upsert", upsert({ conversation: "x" }, { message: "Oi" }), "message"],
    ["messages.upsert", upsert({ imageMessage: "not an object" }), "message.imageMessage"],
    [
      "messages.upsert",
      upsert({ ephemeralMessage: { message: { conversation: 42 } } }),
      "message.ephemeralMessage.message.conversation",
    ],
    ["messages.upsert", upsert({ reactionMessage: { text: "👍" } }), "message.reactionMessage.key"],
    ["messages.upsert", upsert({ conversation: "x" }, { messageTimestamp: "ontem" }), "messageTimestamp"],
    ["send.message", { key: { remoteJid: PHONE_JID, fromMe: true, id: "" }, message: { conversation: "x" } }, "key.id"],
    ["send.message", [], "_"],
    ["messages.edited", { type: "MESSAGE_EDIT", editedMessage: { conversation: "x" } }, "key"],
    ["messages.edited", { key: { remoteJid: PHONE_JID }, type: "REVOKE" }, "key.id"],
    ["messages.edited", { key: { id: "3A" }, type: "MESSAGE_EDIT", editedMessage: "x" }, "editedMessage"],
    ["messages.delete", { remoteJid: PHONE_JID, fromMe: false }, "id"],
    ["messages.update", { remoteJid: PHONE_JID, status: "READ" }, "keyId"],
    ["messages.update", null, "_"],
    ["contacts.upsert", [{ pushName: "Maria" }], "0.remoteJid"],
    ["contacts.update", "Maria", "_"],
  ])("rejects %s data it cannot read (%#), naming the field", (event, data, field) => {
    const error = rejection(event, data);
    expect(error).toMatchObject({
      code: "VALIDATION",
      reason: "evolutionEventMalformed",
      params: { event: event },
      details: { event },
    });
    expect(Object.keys(error.fieldErrors ?? {})).toContain(field);
  });

  it("leaves the body untouched", () => {
    const data = upsert({
      ephemeralMessage: { message: { imageMessage: { ...mediaFields, mimetype: "image/jpeg" } } },
    });
    const copy = structuredClone(data);
    parseEvolutionWebhook(delivery("messages.upsert", data));
    expect(data).toEqual(copy);
  });
});
