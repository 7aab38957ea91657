/** The key and `message` content of messages arriving from WhatsApp (contract §11.4), before Evolution stores them. */
import { lidFor, newGroupJid, randomBrazilianMobile } from "./ids.ts";
import type { Instance, MessageKey, StoredMessage } from "./instance.ts";
import { isGroupJid, jidUser, phoneJid, registeredJid } from "./jid.ts";
import { mimeFromFileName, sampleBytes } from "./media.ts";
import { mediaMessageBody, type MediaFile, type MediaKind } from "./message-content.ts";
import { longJson } from "./proto-json.ts";
import type { Runtime } from "./runtime.ts";

export type InboundType =
  | "text"
  | "extendedText"
  | "image"
  | "audio"
  | "voice"
  | "video"
  | "document"
  | "sticker"
  | "location"
  | "contact"
  | "reaction"
  | "edit"
  | "revoke";

/** Everything but edits and revokes, which are protocol messages rather than upserts. */
type UpsertType = Exclude<InboundType, "edit" | "revoke">;

export interface InboundRequest {
  type: InboundType;
  from?: string;
  pushName?: string;
  text?: string;
  caption?: string;
  group?: { id?: string; subject?: string };
  lid?: boolean;
  targetMessageId?: string;
  fileName?: string;
  mimeType?: string;
  base64?: string;
  fromMe?: boolean;
  latitude?: number;
  longitude?: number;
  contactName?: string;
  contactPhone?: string;
}

/** WhatsApp sends device metadata with nearly every message from a phone. */
const MESSAGE_CONTEXT_INFO = { deviceListMetadataVersion: 2 };

/** The key of the arriving message: phone JID with the LID as alternate, or the other way round with `lid`. */
export function inboundKey(instance: Instance, request: InboundRequest, senderDigits: string, id: string): MessageKey {
  const senderPhone = registeredJid(phoneJid(senderDigits));
  const senderLid = lidFor(jidUser(senderPhone));
  const addressingMode = request.lid ? "lid" : "pn";
  const [primary, alternate] = request.lid ? [senderLid, senderPhone] : [senderPhone, senderLid];
  const fromMe = request.fromMe ?? false;

  if (!request.group) return { remoteJid: primary, remoteJidAlt: alternate, fromMe, id, addressingMode };
  const groupJid = request.group.id ? groupJidOf(request.group.id) : newGroupJid();
  instance.groups.set(groupJid, request.group.subject ?? instance.groups.get(groupJid) ?? "Grupo Mirage");
  const author = fromMe ? (instance.wuid ?? senderPhone) : primary;
  return {
    remoteJid: groupJid,
    fromMe,
    id,
    participant: author,
    participantAlt: fromMe ? undefined : alternate,
    addressingMode,
  };
}

const groupJidOf = (id: string): string => (isGroupJid(id) ? id : `${id.replace(/\D/g, "")}@g.us`);

function mediaFileFor(request: InboundRequest, kind: MediaKind): MediaFile {
  const defaultMimetypes: Record<MediaKind, string> = {
    image: "image/jpeg",
    video: "video/mp4",
    audio: "audio/ogg; codecs=opus",
    sticker: "image/webp",
    document: "application/pdf",
  };
  const fileName = kind === "document" ? (request.fileName ?? "documento.pdf") : undefined;
  return {
    kind,
    bytes: request.base64 ? Buffer.from(request.base64, "base64") : sampleBytes(kind),
    mimetype: request.mimeType ?? ((fileName && mimeFromFileName(fileName)) || defaultMimetypes[kind]),
    caption: request.caption,
    fileName,
    ptt: request.type === "voice",
  };
}

/** The author of a stored message as a quote's `participant`. */
const authorOf = (instance: Instance, message: StoredMessage): string | undefined =>
  message.key.fromMe ? instance.wuid : (message.key.participant ?? message.key.remoteJid);

/** The `message` content of a non-protocol inbound message; media bytes come back to be attached and stored. */
export function inboundContent(
  runtime: Runtime,
  instance: Instance,
  request: InboundRequest & { type: UpsertType },
  key: MessageKey,
): { message: Record<string, unknown>; contextInfo?: unknown; mediaBytes?: Buffer; mediaToken?: string } {
  const target = instance.messages.find((message) => message.key.id === request.targetMessageId);
  switch (request.type) {
    case "text":
      return { message: { conversation: request.text ?? "Olá!", messageContextInfo: MESSAGE_CONTEXT_INFO } };
    case "extendedText": {
      // Folded into `conversation` by prepareMessage; only its contextInfo (a reply, here) survives, at top level.
      const contextInfo = target
        ? {
            stanzaId: target.key.id,
            participant: authorOf(instance, target),
            quotedMessage: Object.fromEntries(
              Object.entries(target.message).filter(([type]) => type === "conversation" || type.endsWith("Message")),
            ),
          }
        : { expiration: 0, ephemeralSettingTimestamp: longJson(0, false), disappearingMode: { initiator: 0 } };
      return {
        message: { conversation: request.text ?? "Olá!", messageContextInfo: MESSAGE_CONTEXT_INFO },
        contextInfo,
      };
    }
    case "image":
    case "audio":
    case "voice":
    case "video":
    case "document":
    case "sticker": {
      const kind: MediaKind = request.type === "voice" ? "audio" : request.type;
      const file = mediaFileFor(request, kind);
      const media = mediaMessageBody(runtime.store, file);
      return {
        message: { [media.messageType]: media.body, messageContextInfo: MESSAGE_CONTEXT_INFO },
        mediaBytes: file.bytes,
        mediaToken: media.token,
      };
    }
    case "location":
      return {
        message: {
          locationMessage: {
            degreesLatitude: request.latitude ?? -23.5613,
            degreesLongitude: request.longitude ?? -46.6565,
            name: request.text,
          },
          messageContextInfo: MESSAGE_CONTEXT_INFO,
        },
      };
    case "contact": {
      const name = request.contactName ?? "Contato";
      const phone = request.contactPhone ?? randomBrazilianMobile();
      const vcard = `BEGIN:VCARD\nVERSION:3.0\nN:;${name};;;\nFN:${name}\nitem1.TEL;waid=${phone}:+${phone}\nitem1.X-ABLabel:Celular\nEND:VCARD`;
      return { message: { contactMessage: { displayName: name, vcard }, messageContextInfo: MESSAGE_CONTEXT_INFO } };
    }
    case "reaction":
      // Baileys rewrites a reaction's key into our perspective: our chat, fromMe = whether we wrote the target.
      return {
        message: {
          reactionMessage: {
            key: {
              remoteJid: key.remoteJid,
              fromMe: target?.key.fromMe ?? true,
              id: request.targetMessageId,
              participant: target?.key.participant ?? key.participant,
            },
            text: request.text ?? "👍",
            senderTimestampMs: longJson(Date.now(), false),
          },
        },
      };
  }
}
