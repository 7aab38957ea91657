import { z } from "../../../shared/zod";

/**
 * Evolution API v2 responses and webhook bodies, as far as Mirage reads them. Objects strip unknown
 * keys instead of rejecting them: Evolution adds fields between versions (contract §14). Message
 * content (`message`, binary and Long fields, contract §12) is never parsed here.
 */

/** protobufjs Long as 2.3.6+ serialises it: `{low, high, unsigned}`. */
const long = z.object({ low: z.number(), high: z.number() });

/** A 64-bit integer (epoch seconds, file sizes): a number, a decimal string (≤2.3.2) or a Long (2.3.6+). */
export const int64 = z.union([
  z.number(),
  z.string().regex(/^\d+$/).transform(Number),
  long.transform(({ low, high }) => high * 2 ** 32 + (low >>> 0)),
]);

export const connectionStateSchema = z.enum(["open", "connecting", "close", "refused"]);

const nullableString = z.string().nullish();

export const qrCodeSchema = z.object({
  pairingCode: nullableString,
  code: nullableString,
  base64: nullableString,
  count: z.number().int().optional(),
});

export const createInstanceResponse = z.object({
  instance: z.object({
    instanceName: z.string(),
    instanceId: z.string(),
    status: connectionStateSchema,
  }),
  hash: z.string(),
});

/** Already paired: `{instance: {state: "open"}}`; otherwise the QR object, possibly just `{count: 0}`. */
export const connectResponse = z.union([z.object({ instance: z.object({ state: z.literal("open") }) }), qrCodeSchema]);

export const connectionStateResponse = z.object({
  instance: z.object({ state: connectionStateSchema }),
});

export const fetchInstancesResponse = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    connectionStatus: connectionStateSchema,
    ownerJid: nullableString,
    profileName: nullableString,
    profilePicUrl: nullableString,
    disconnectionReasonCode: z.number().int().nullish(),
  }),
);

/** Responses Mirage does not read (logout, delete, restart, webhook set, mark as read). */
export const ignoredResponse = z.unknown();

export const findWebhookResponse = z
  .object({
    url: z.string(),
    headers: z.record(z.string(), z.string()).nullish(),
    enabled: z.boolean(),
    events: z.array(z.string()).nullish(),
  })
  .nullable();

export const messageKeySchema = z.object({
  id: z.string().min(1),
  remoteJid: z.string().min(1),
  fromMe: z.boolean().nullish(),
  remoteJidAlt: nullableString,
  participant: nullableString,
  participantAlt: nullableString,
});

/** The send endpoints' 201 body (identical to the `send.message` webhook data). */
export const sentMessageResponse = z.object({
  key: messageKeySchema,
  status: z.string().optional(),
  messageTimestamp: int64.optional(),
});

export const whatsappNumbersResponse = z.array(
  z.object({
    jid: z.string(),
    exists: z.boolean(),
    number: z.string(),
    name: nullableString,
  }),
);

export const findMessagesResponse = z.object({
  messages: z.object({
    records: z.array(
      z.object({
        key: messageKeySchema,
        status: z.string().nullish(),
        messageTimestamp: int64,
        MessageUpdate: z.array(z.object({ status: z.string() })).nullish(),
      }),
    ),
  }),
});

export const mediaResponse = z.object({
  fileName: z.string(),
  mimetype: z.string(),
  base64: z.string(),
  size: z.object({ fileLength: int64.optional() }).nullish(),
});

export const webhookEnvelopeSchema = z.object({
  event: z.string().min(1),
  instance: z.string().min(1),
  data: z.unknown(),
  date_time: z.string().optional(),
  /** The connected account's JID; absent before the first `open` (contract §10.1). */
  sender: z.string().nullish().catch(null),
});

export const connectionUpdateData = z.object({
  state: connectionStateSchema,
  statusReason: z.number().int().nullish(),
  wuid: nullableString,
  profileName: nullableString,
  profilePictureUrl: nullableString,
});

/** A rotated QR, or (after QRCODE_LIMIT rotations) the notice that pairing was refused. */
export const qrcodeUpdatedData = z.union([
  z.object({ qrcode: qrCodeSchema }),
  z.object({ message: z.string(), statusCode: z.number().int() }),
]);

export const messageKeyData = z.object({ key: z.object({ id: z.string().min(1) }) });

/**
 * A receipt (contract §11.6). 2.3.7+ also reports content updates here (edits, poll votes) with `message`
 * or `pollUpdates` and a made-up "SERVER_ACK"; they are not receipts.
 */
export const messageUpdateData = z.object({
  keyId: z.string().min(1),
  remoteJid: nullableString,
  fromMe: z.boolean().nullish(),
  status: nullableString,
  message: z.unknown().optional(),
  pollUpdates: z.unknown().optional(),
});

/** A remote revoke sends the Baileys key itself; an API delete sends the stored row with its `key` (§11.7). */
export const messageDeleteData = z.object({
  id: z.string().min(1),
  remoteJid: nullableString,
  remoteJidAlt: nullableString,
  participant: nullableString,
  participantAlt: nullableString,
  fromMe: z.boolean().nullish(),
  key: messageKeySchema.optional(),
});

export const messageTimestampData = z.object({ messageTimestamp: int64 });

/** A protocol message's `timestampMs` (a Long, so a decimal string in protobuf JSON). */
export const protocolTimestampData = z.object({ timestampMs: int64 });

/** 64-bit sizes inside `message` are opaque (contract §12): read when they are a number, string or Long. */
const lenientInt64 = int64.nullish().catch(null);

/** Where a reply names the message it quotes. */
const contextInfoSchema = z.object({ stanzaId: nullableString }).nullish().catch(null);

/** Any media body (`imageMessage`, `audioMessage`, …): only the fields Mirage reads, no binary ones. */
const mediaMessageSchema = z.object({
  mimetype: nullableString,
  caption: nullableString,
  fileName: nullableString,
  title: nullableString,
  fileLength: lenientInt64,
  seconds: z.number().nullish(),
  ptt: z.boolean().nullish(),
  contextInfo: contextInfoSchema,
});

const contactMessageSchema = z.object({
  displayName: nullableString,
  vcard: nullableString,
  contextInfo: contextInfoSchema,
});

/** The key of the message a protocol message (edit, revoke) acts on, as the one who acted wrote it. */
export const protocolKeySchema = z.object({
  id: z.string().min(1),
  remoteJid: nullableString,
  remoteJidAlt: nullableString,
  fromMe: z.boolean().nullish(),
  participant: nullableString,
  participantAlt: nullableString,
});

/** `messages.edited` data: the raw protocolMessage, `type` as an enum name or number (contract §11.7). */
export const protocolMessageSchema = z.object({
  key: protocolKeySchema.nullish(),
  type: z.union([z.string(), z.number()]).nullish(),
  editedMessage: z.record(z.string(), z.unknown()).nullish(),
  timestampMs: lenientInt64,
});

/**
 * The content kinds Mirage reads from `message`, after wrappers (ephemeral, view once, document with
 * caption) are taken off. Other keys (binary fields, `messageContextInfo`, unknown kinds) are dropped.
 */
export const messageContentSchema = z.object({
  conversation: nullableString,
  extendedTextMessage: z
    .object({
      text: nullableString,
      matchedText: nullableString,
      canonicalUrl: nullableString,
      title: nullableString,
      description: nullableString,
      contextInfo: contextInfoSchema,
    })
    .nullish(),
  imageMessage: mediaMessageSchema.nullish(),
  videoMessage: mediaMessageSchema.nullish(),
  ptvMessage: mediaMessageSchema.nullish(),
  stickerMessage: mediaMessageSchema.nullish(),
  audioMessage: mediaMessageSchema.nullish(),
  documentMessage: mediaMessageSchema.nullish(),
  locationMessage: z
    .object({
      // protobuf JSON leaves out zero values, so a point on the equator has no latitude at all.
      degreesLatitude: z.number().nullish(),
      degreesLongitude: z.number().nullish(),
      name: nullableString,
      address: nullableString,
      contextInfo: contextInfoSchema,
    })
    .nullish(),
  contactMessage: contactMessageSchema.nullish(),
  contactsArrayMessage: z
    .object({
      displayName: nullableString,
      contacts: z.array(contactMessageSchema).nullish(),
      contextInfo: contextInfoSchema,
    })
    .nullish(),
  reactionMessage: z.object({ key: z.object({ id: z.string().min(1) }), text: nullableString }).nullish(),
  protocolMessage: protocolMessageSchema.nullish(),
});

/** `messages.upsert` and `send.message` data (contract §7.2, §11.4); `message` is read by `messageContentSchema`. */
export const messageData = z.object({
  key: messageKeySchema,
  pushName: nullableString,
  status: nullableString,
  message: z.record(z.string(), z.unknown()).nullish(),
  contextInfo: contextInfoSchema,
  messageType: nullableString,
  messageTimestamp: int64.optional(),
});

/** A contact row (contract §11.8): `contacts.*` data is an array of them after a sync, one after a message. */
export const contactData = z.object({
  remoteJid: z.string().min(1),
  pushName: nullableString,
  profilePicUrl: nullableString,
});
