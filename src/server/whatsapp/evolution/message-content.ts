/**
 * The `message` object of Evolution's message events (contract §11.4, §12) in Mirage's terms. Only the
 * fields Mirage shows are read; binary fields (keys, hashes, thumbnails) are never touched.
 */
import type { z } from "../../../shared/zod";
import type { MediaRef, MessageContent } from "../provider";
import type { messageContentSchema } from "./schemas";

type Content = z.infer<typeof messageContentSchema>;
type Media = NonNullable<Content["imageMessage"]>;
type ContactCard = NonNullable<Content["contactMessage"]>;
type ContactContent = Extract<MessageContent, { type: "contact" }>;

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Wrappers whose `message` holds the real content (Evolution unwraps only documentWithCaption, §11.4). */
const WRAPPERS = [
  "ephemeralMessage",
  "viewOnceMessage",
  "viewOnceMessageV2",
  "viewOnceMessageV2Extension",
  "documentWithCaptionMessage",
  "editedMessage",
] as const;

/** Keys beside the content that are not content: device metadata, group key exchange, Evolution extras. */
const NOT_CONTENT = new Set([
  "messageContextInfo",
  "senderKeyDistributionMessage",
  "base64",
  "mediaUrl",
  "speechToText",
]);

/** The content inside any wrappers, with the path it was found at (for error messages). */
export function unwrapMessage(message: JsonObject): { content: JsonObject; path: string[] } {
  let content = message;
  const path: string[] = [];
  // Wrappers nest at most a few levels (e.g. ephemeral → view once → image); the bound guards against loops.
  for (let depth = 0; depth < 5; depth++) {
    const wrapper = WRAPPERS.find((name) => isObject(content[name]) && isObject((content[name] as JsonObject).message));
    if (!wrapper) break;
    content = (content[wrapper] as JsonObject).message as JsonObject;
    path.push(wrapper, "message");
  }
  return { content, path };
}

/** The kind of content a message holds, for kinds Mirage does not render (e.g. "pollCreationMessageV3"). */
export function contentType(content: JsonObject, declared: string | null | undefined): string {
  const found = Object.keys(content).find(
    (key) => !NOT_CONTENT.has(key) && (key === "conversation" || key.endsWith("Message")),
  );
  return found ?? (declared || "unknown");
}

const orNull = (value: string | null | undefined): string | null => (value ? value : null);

/** Media bytes Evolution adds as `message.base64` when the webhook's base64 option is on. */
function rawBase64(value: unknown): string | null {
  if (typeof value !== "string" || !value) return null;
  return value.startsWith("data:") ? value.slice(value.indexOf(",") + 1) : value;
}

function mediaRef(media: Media, base64: string | null, fileName: string | null): MediaRef {
  return { mimeType: orNull(media.mimetype), fileName, size: media.fileLength ?? null, base64 };
}

/** Phone digits of a vCard's TEL lines, preferring WhatsApp's `waid` parameter over the display number. */
export function vcardPhones(vcard: string | null | undefined): string[] {
  const phones: string[] = [];
  for (const line of (vcard ?? "").split(/\r?\n/)) {
    const tel = /^(?:[^:;]*\.)?TEL([^:]*):(.*)$/i.exec(line.trim());
    if (!tel) continue;
    const digits = /;waid=(\d+)/i.exec(tel[1] ?? "")?.[1] ?? (tel[2] ?? "").replace(/\D/g, "");
    if (digits && !phones.includes(digits)) phones.push(digits);
  }
  return phones;
}

/** A vCard's formatted name, for a card sent without `displayName`. */
const vcardName = (vcard: string | null | undefined): string | null =>
  /^FN[^:]*:(.*)$/im.exec(vcard ?? "")?.[1]?.trim() || null;

function contactCard(card: ContactCard): ContactContent {
  return {
    type: "contact",
    displayName: card.displayName || vcardName(card.vcard) || "",
    phones: vcardPhones(card.vcard),
    vcard: orNull(card.vcard),
  };
}

/** Several shared contacts become one card: names joined, every phone, the vCards concatenated (a valid .vcf). */
function contactCards(list: NonNullable<Content["contactsArrayMessage"]>): ContactContent {
  const cards = (list.contacts ?? []).map(contactCard);
  const names = cards.map((card) => card.displayName).filter(Boolean);
  const vcards = cards.map((card) => card.vcard).filter((vcard): vcard is string => vcard !== null);
  return {
    type: "contact",
    displayName: names.length ? names.join(", ") : list.displayName || "",
    phones: [...new Set(cards.flatMap((card) => card.phones))],
    vcard: vcards.length ? vcards.join("\n") : null,
  };
}

function textContent(content: Content): Extract<MessageContent, { type: "text" }> | null {
  const extended = content.extendedTextMessage;
  if (extended && typeof extended.text === "string") {
    const url = extended.canonicalUrl || extended.matchedText;
    return {
      type: "text",
      text: extended.text,
      linkPreview: url ? { url, title: orNull(extended.title), description: orNull(extended.description) } : null,
    };
  }
  if (typeof content.conversation === "string") return { type: "text", text: content.conversation, linkPreview: null };
  return null;
}

function visual(type: "image" | "sticker", media: Media, bytes: string | null): MessageContent {
  return { type, caption: orNull(media.caption), media: mediaRef(media, bytes, null) };
}

/**
 * The content Mirage shows. `content` is the unwrapped message read by `messageContentSchema`; `base64` is
 * the outer `message.base64`; `type` names the content for kinds Mirage does not render.
 */
export function messageContent(content: Content, base64: unknown, type: string): MessageContent {
  const text = textContent(content);
  if (text) return text;
  const bytes = rawBase64(base64);
  if (content.imageMessage) return visual("image", content.imageMessage, bytes);
  const video = content.videoMessage ?? content.ptvMessage;
  if (video)
    return {
      type: "video",
      caption: orNull(video.caption),
      seconds: video.seconds ?? null,
      media: mediaRef(video, bytes, null),
    };
  if (content.stickerMessage) return visual("sticker", content.stickerMessage, bytes);
  if (content.audioMessage) {
    const audio = content.audioMessage;
    return {
      type: "audio",
      voice: audio.ptt === true,
      seconds: audio.seconds ?? null,
      media: mediaRef(audio, bytes, null),
    };
  }
  if (content.documentMessage) {
    const document = content.documentMessage;
    const fileName = orNull(document.fileName) ?? orNull(document.title);
    return { type: "document", caption: orNull(document.caption), media: mediaRef(document, bytes, fileName) };
  }
  if (content.locationMessage) {
    const location = content.locationMessage;
    return {
      type: "location",
      latitude: location.degreesLatitude ?? 0,
      longitude: location.degreesLongitude ?? 0,
      name: orNull(location.name),
      address: orNull(location.address),
    };
  }
  if (content.contactMessage) return contactCard(content.contactMessage);
  if (content.contactsArrayMessage) return contactCards(content.contactsArrayMessage);
  return { type: "unsupported", messageType: type };
}

/** The id of the message a reply quotes, from whichever content carries a `contextInfo`. */
export function quotedMessageId(content: Content): string | null {
  const carriers = [
    content.extendedTextMessage,
    content.imageMessage,
    content.videoMessage,
    content.ptvMessage,
    content.stickerMessage,
    content.audioMessage,
    content.documentMessage,
    content.locationMessage,
    content.contactMessage,
    content.contactsArrayMessage,
  ];
  return carriers.map((carrier) => carrier?.contextInfo?.stanzaId).find((id) => !!id) ?? null;
}

/** The new text of an edit: the text, or the caption of edited media; null when it has neither. */
export function editedText(content: Content): string | null {
  const text = textContent(content);
  if (text) return text.text;
  const media = [content.imageMessage, content.videoMessage, content.documentMessage].find(
    (body) => typeof body?.caption === "string",
  );
  return media?.caption ?? null;
}
