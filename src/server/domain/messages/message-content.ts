import type { MessageType } from "../../db/generated/enums";
import type { MediaRef, MessageContent } from "../../whatsapp/provider";
import type { MessageDetails } from "./message-json-schema";

export interface StoredContent {
  type: MessageType;
  body: string | null;
  details: MessageDetails | undefined;
  media: MediaRef | null;
}

/** A provider message's content as Mirage stores it: a type, searchable text, details and media. */
export function storedContent(content: MessageContent): StoredContent {
  switch (content.type) {
    case "text":
      return {
        type: "text",
        body: content.text,
        details: content.linkPreview ? { linkPreview: content.linkPreview } : undefined,
        media: null,
      };
    case "image":
    case "sticker":
    case "document":
      return { type: content.type, body: content.caption, details: undefined, media: content.media };
    case "video":
      // The declared length stays with the message even when its bytes never arrive.
      return {
        type: "video",
        body: content.caption,
        details: content.seconds !== null ? { seconds: content.seconds } : undefined,
        media: content.media,
      };
    case "audio":
      return {
        type: content.voice ? "voice" : "audio",
        body: null,
        details: content.seconds !== null ? { seconds: content.seconds } : undefined,
        media: content.media,
      };
    case "location":
      return {
        type: "location",
        body: [content.name, content.address].filter(Boolean).join(" — ") || null,
        details: {
          latitude: content.latitude,
          longitude: content.longitude,
          name: content.name,
          address: content.address,
        },
        media: null,
      };
    case "contact":
      return {
        type: "contact",
        body: content.displayName,
        details: { displayName: content.displayName, phones: content.phones, vcard: content.vcard },
        media: null,
      };
    case "unsupported":
      return { type: "unsupported", body: null, details: { messageType: content.messageType }, media: null };
  }
}

/** What the conversation list shows of the latest message: its kind (a code the UI labels) and its own text. */
export interface ConversationPreview {
  kind: MessageType | "revoked";
  text: string | null;
}

/** One line for the conversation list: the message's own words (a document's file name), at most 140 characters. */
export function previewOf(type: MessageType, body: string | null, fileName?: string | null): ConversationPreview {
  const text = (body ?? "").replace(/\s+/g, " ").trim();
  const own = type === "document" && fileName ? fileName : text;
  return { kind: type, text: own ? own.slice(0, 140) : null };
}
