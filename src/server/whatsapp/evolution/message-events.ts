/**
 * Evolution's message and contact webhooks (contract §11.4–§11.8) as provider-neutral events. Chats Mirage
 * does not handle (status@broadcast, broadcast lists, @newsletter channels) yield no event at all: they are
 * not "unhandled yet", there is nothing to replay later.
 */
import { z } from "../../../shared/zod";
import type { ChatRef, PersonRef, ProviderEvent } from "../provider";
import { addressFromJid, chatKind, identityOfJids, isIgnoredChat, phoneFromJid } from "./jid";
import { dateFromEpochSeconds, deliveryStatus } from "./mapping";
import { contentType, editedText, messageContent, quotedMessageId, unwrapMessage } from "./message-content";
import {
  contactData,
  messageContentSchema,
  messageData,
  messageDeleteData,
  messageUpdateData,
  protocolKeySchema,
  protocolMessageSchema,
} from "./schemas";
import { parseEventData } from "./validation";

type ProtocolMessage = z.infer<typeof protocolMessageSchema>;
type ProtocolKey = z.infer<typeof protocolKeySchema>;

interface KeyJids {
  remoteJid: string;
  remoteJidAlt?: string | null;
  participant?: string | null;
  participantAlt?: string | null;
}

/** Who an event belongs to and how it arrived. `ownJid` is the envelope's `sender` (the account). */
export interface EventContext {
  event: string;
  instanceName: string;
  ownJid: string | null;
}

/**
 * The chat of a message key, as Evolution reports it from this account's side. A direct chat's phone and
 * LID are whichever of `remoteJid` / `remoteJidAlt` has that kind (the order differs by version, §9).
 */
function chatOfKey(key: KeyJids): ChatRef {
  if (chatKind(key.remoteJid) === "group") return { kind: "group", address: key.remoteJid };
  return {
    kind: "direct",
    address: addressFromJid(key.remoteJid),
    ...identityOfJids([key.remoteJid, key.remoteJidAlt]),
  };
}

/** A pushName is no name when empty, or when Evolution filled it with the JID's digits (no name known). */
function personName(pushName: string | null | undefined, identity: { phone: string | null; lid: string | null }) {
  const name = pushName?.trim();
  if (!name || name === identity.phone || name === identity.lid?.split("@")[0]) return null;
  return name;
}

/** The author of a message someone else wrote: the participant in a group, the contact in a direct chat. */
function senderOfKey(key: KeyJids, pushName: string | null | undefined): PersonRef {
  const jids =
    chatKind(key.remoteJid) === "group" ? [key.participant, key.participantAlt] : [key.remoteJid, key.remoteJidAlt];
  const identity = identityOfJids(jids);
  return { ...identity, name: personName(pushName, identity) };
}

const PROTOCOL_TYPES: Record<number, string> = { 0: "REVOKE", 14: "MESSAGE_EDIT" };

/**
 * A protocolMessage's type by name. protobuf JSON gives the enum name, a plain object the number; a
 * REVOKE (0, the default) may be left out altogether.
 */
export function protocolType(protocol: ProtocolMessage): string {
  if (typeof protocol.type === "string") return protocol.type;
  if (typeof protocol.type === "number") return PROTOCOL_TYPES[protocol.type] ?? String(protocol.type);
  if (protocol.editedMessage) return "MESSAGE_EDIT";
  return protocol.key ? "REVOKE" : "UNKNOWN";
}

/**
 * The chat of a protocol key. WhatsApp writes it from the side of whoever edited or revoked, and Evolution
 * passes it on untouched: for a contact's edit in a direct chat `remoteJid` is this account (or its LID),
 * only our own edits from the phone name the contact. So only groups and phone JIDs other than the
 * account's are trusted; null otherwise.
 */
function protocolKeyChat(key: ProtocolKey, ownJid: string | null): ChatRef | null {
  if (!key.remoteJid) return null;
  if (chatKind(key.remoteJid) === "group") return { kind: "group", address: key.remoteJid };
  const phone = phoneFromJid(key.remoteJid);
  if (!phone || phone === phoneFromJid(ownJid)) return null;
  return chatOfKey({ remoteJid: key.remoteJid, remoteJidAlt: key.remoteJidAlt });
}

/**
 * Edit and revoke events of a protocolMessage. `chat` is the chat it arrived in when known (an upsert's
 * outer key); otherwise it is read from the protocol key, see `protocolKeyChat`. Other protocol types
 * (history sync, ephemeral settings, key shares…) carry nothing Mirage shows.
 */
function protocolEvents(
  context: EventContext,
  data: unknown,
  path: (string | number)[],
  chat: ChatRef | null,
  fallbackTime: Date,
): ProviderEvent[] {
  const { instanceName, event } = context;
  const protocol = parseEventData(protocolMessageSchema, data, event, path);
  const type = protocolType(protocol);
  if (type !== "MESSAGE_EDIT" && type !== "REVOKE") return [];
  const key = parseEventData(protocolKeySchema, protocol.key, event, [...path, "key"]);
  if (key.remoteJid && isIgnoredChat(key.remoteJid)) return [];
  const keyChat = chat ?? protocolKeyChat(key, context.ownJid);

  if (type === "REVOKE")
    return [{ kind: "message.revoked", instanceName, targetProviderMessageId: key.id, chat: keyChat }];

  const edited = unwrapMessage(protocol.editedMessage ?? {});
  const content = parseEventData(messageContentSchema, edited.content, event, [
    ...path,
    "editedMessage",
    ...edited.path,
  ]);
  const text = editedText(content);
  // The port requires an edit's chat. When the key names this account (a contact's edit), the chat is that
  // JID as given, without phone or LID (they would be this account's): only the target id identifies it.
  const editChat =
    keyChat ??
    (key.remoteJid
      ? { kind: "direct" as const, address: addressFromJid(key.remoteJid), phone: null, lid: null }
      : null);
  if (text === null || !editChat) return [{ kind: "unsupported", instanceName, event }];
  return [
    {
      kind: "message.edited",
      instanceName,
      targetProviderMessageId: key.id,
      chat: editChat,
      text,
      timestamp: protocol.timestampMs ? new Date(protocol.timestampMs) : fallbackTime,
    },
  ];
}

/** `messages.upsert` (origin "upsert") and `send.message` (origin "send"). */
export function messageEvents(context: EventContext, data: unknown, origin: "upsert" | "send"): ProviderEvent[] {
  const { instanceName, event } = context;
  const raw = parseEventData(messageData, data, event);
  const { key } = raw;
  if (isIgnoredChat(key.remoteJid)) return [];

  const chat = chatOfKey(key);
  const fromMe = key.fromMe ?? false;
  const sender = fromMe ? null : senderOfKey(key, raw.pushName);
  const timestamp = dateFromEpochSeconds(raw.messageTimestamp);
  const message = raw.message ?? {};
  const unwrapped = unwrapMessage(message);
  const content = parseEventData(messageContentSchema, unwrapped.content, event, ["message", ...unwrapped.path]);

  if (content.protocolMessage) {
    const path = ["message", ...unwrapped.path, "protocolMessage"];
    return protocolEvents(context, unwrapped.content.protocolMessage, path, chat, timestamp);
  }
  if (content.reactionMessage) {
    const reaction = content.reactionMessage;
    return [
      {
        kind: "message.reaction",
        instanceName,
        providerMessageId: key.id,
        targetProviderMessageId: reaction.key.id,
        chat,
        fromMe,
        sender,
        emoji: reaction.text ?? "",
        timestamp,
      },
    ];
  }
  return [
    {
      kind: "message.received",
      instanceName,
      message: {
        providerMessageId: key.id,
        chat,
        fromMe,
        sender,
        timestamp,
        status: deliveryStatus(raw.status),
        content: messageContent(content, message.base64, contentType(unwrapped.content, raw.messageType)),
        quotedProviderMessageId: raw.contextInfo?.stanzaId || quotedMessageId(content),
        origin,
      },
    },
  ];
}

/** `messages.edited`: the raw protocolMessage of an edit or a revoke. */
export function editedEvents(context: EventContext, data: unknown): ProviderEvent[] {
  return protocolEvents(context, data, [], null, new Date());
}

/** `messages.delete`: a remote revoke (the Baileys key) or an API delete (the stored row, its key in `key`). */
export function deleteEvents(context: EventContext, data: unknown): ProviderEvent[] {
  const deletion = parseEventData(messageDeleteData, data, context.event);
  const key = deletion.key ?? (deletion.remoteJid ? { ...deletion, remoteJid: deletion.remoteJid } : null);
  if (key && isIgnoredChat(key.remoteJid)) return [];
  return [
    {
      kind: "message.revoked",
      instanceName: context.instanceName,
      targetProviderMessageId: deletion.key?.id ?? deletion.id,
      chat: key ? chatOfKey(key) : null,
    },
  ];
}

/**
 * `messages.update`: a receipt. Updates without a status, and 2.3.7's content updates (whose "SERVER_ACK"
 * is a fallback, not a receipt), yield nothing; a status Mirage does not know (2.3.6's "DELETED") is
 * unsupported.
 */
export function updateEvents(context: EventContext, data: unknown): ProviderEvent[] {
  const { instanceName, event } = context;
  const update = parseEventData(messageUpdateData, data, event);
  if (!update.status || update.message != null || update.pollUpdates != null) return [];
  if (update.remoteJid && isIgnoredChat(update.remoteJid)) return [];
  const status = deliveryStatus(update.status);
  if (!status) return [{ kind: "unsupported", instanceName, event }];
  return [
    {
      kind: "message.status",
      instanceName,
      providerMessageId: update.keyId,
      chat: update.remoteJid ? addressFromJid(update.remoteJid) : null,
      fromMe: update.fromMe ?? false,
      status,
    },
  ];
}

/** `contacts.upsert` / `contacts.update`: one event per person (groups and broadcasts are skipped). */
export function contactEvents(context: EventContext, data: unknown): ProviderEvent[] {
  // An array after a sync, a single object after a message; each read on its own for precise field errors.
  const rows = Array.isArray(data)
    ? parseEventData(z.array(contactData), data, context.event)
    : [parseEventData(contactData, data, context.event)];
  return rows.flatMap((row): ProviderEvent[] => {
    const kind = chatKind(row.remoteJid);
    if (kind !== "user" && kind !== "lid") return [];
    const identity = identityOfJids([row.remoteJid]);
    if (!identity.phone && !identity.lid) return [];
    return [
      {
        kind: "contact.updated",
        instanceName: context.instanceName,
        person: { ...identity, name: personName(row.pushName, identity) },
        profilePictureUrl: row.profilePicUrl ?? null,
      },
    ];
  });
}
