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
  remoteJid: z.string(),
  fromMe: z.boolean().optional(),
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

export const messageUpdateData = z.object({ keyId: z.string().min(1), status: z.string() });

/** A remote revoke sends the Baileys key itself; an API delete sends the stored row with its `key`. */
export const messageDeleteData = z.object({
  id: z.string().min(1),
  key: z.object({ id: z.string().min(1) }).optional(),
});

export const messageTimestampData = z.object({ messageTimestamp: int64 });
