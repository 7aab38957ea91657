import { createHash } from "node:crypto";
import { AppError, fieldErrorsFromZod } from "../../errors";
import type { z } from "../../../shared/zod";
import type { ParsedWebhook, ProviderEvent } from "../provider";
import { phoneFromJid } from "./jid";
import { dateFromEpochSeconds, qrCodeFrom } from "./mapping";
import {
  connectionUpdateData,
  messageDeleteData,
  messageKeyData,
  messageTimestampData,
  messageUpdateData,
  qrcodeUpdatedData,
  webhookEnvelopeSchema,
} from "./schemas";

type Envelope = z.infer<typeof webhookEnvelopeSchema>;

function parseOrReject<T>(schema: z.ZodType<T>, value: unknown, message: string, event?: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError("VALIDATION", message, {
    fieldErrors: fieldErrorsFromZod(parsed.error),
    details: event ? { event } : undefined,
  });
}

function parseData<T>(schema: z.ZodType<T>, envelope: Envelope): T {
  return parseOrReject(
    schema,
    envelope.data,
    `O evento ${envelope.event} da Evolution API veio num formato inesperado.`,
    envelope.event,
  );
}

/**
 * Evolution retries a delivery with the very same body and may also deliver one event twice (contract
 * §10.3), so events carrying a WhatsApp message id are keyed by it; the rest by a hash of the body,
 * where two distinct events differ at least in `date_time`.
 */
function dedupeKey(envelope: Envelope): string {
  const { event, data } = envelope;
  if (event === "messages.upsert" || event === "send.message") {
    const message = messageKeyData.safeParse(data);
    if (message.success) return `${event}:${message.data.key.id}`;
  }
  if (event === "messages.update") {
    const update = messageUpdateData.safeParse(data);
    if (update.success) return `${update.data.keyId}:${update.data.status}`;
  }
  if (event === "messages.delete") {
    // A remote revoke sends the WhatsApp key (`id`); an API delete sends the stored row (WhatsApp id in `key.id`).
    const deletion = messageDeleteData.safeParse(data);
    if (deletion.success) return `messages.delete:${deletion.data.key?.id ?? deletion.data.id}`;
  }
  const fingerprint = [event, envelope.instance, envelope.date_time ?? "", JSON.stringify(data ?? null)].join("|");
  return createHash("sha256").update(fingerprint).digest("hex");
}

/** `date_time` is the server's local time labelled as UTC (contract §10.1), so only message time is trusted. */
function occurredAt(data: unknown): Date {
  const timed = messageTimestampData.safeParse(data);
  return timed.success ? dateFromEpochSeconds(timed.data.messageTimestamp) : new Date();
}

/** `date_time` as-is: wrong as a wall-clock time, but fixed per server and kept across retries. */
function sequenceAt(dateTime: string | null | undefined): Date | null {
  if (!dateTime) return null;
  const parsed = new Date(dateTime);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

function providerEvents(envelope: Envelope): ProviderEvent[] {
  const instanceName = envelope.instance;
  switch (envelope.event) {
    case "connection.update": {
      const update = parseData(connectionUpdateData, envelope);
      return [
        {
          kind: "connection",
          instanceName,
          state: update.state,
          statusReason: update.statusReason ?? null,
          phoneNumber: phoneFromJid(update.wuid),
          profileName: update.profileName ?? null,
          profilePictureUrl: update.profilePictureUrl ?? null,
        },
      ];
    }
    case "qrcode.updated": {
      const update = parseData(qrcodeUpdatedData, envelope);
      if ("qrcode" in update) return [{ kind: "qrcode", instanceName, qr: qrCodeFrom(update.qrcode) }];
      // QRCODE_LIMIT reached: Evolution gives up pairing (a `connection.update` "refused" follows).
      return [
        {
          kind: "connection",
          instanceName,
          state: "refused",
          statusReason: update.statusCode,
          phoneNumber: null,
          profileName: null,
          profilePictureUrl: null,
        },
      ];
    }
    case "logout.instance":
      return [{ kind: "logout", instanceName }];
    default:
      return [{ kind: "unsupported", instanceName, event: envelope.event }];
  }
}

/**
 * Reads one Evolution webhook delivery. Throws a VALIDATION AppError for a body that is not an
 * Evolution envelope, or whose connection/QR data is malformed. The body itself is not changed: the
 * caller stores it raw.
 */
export function parseEvolutionWebhook(body: unknown): ParsedWebhook {
  const envelope = parseOrReject(webhookEnvelopeSchema, body, "O webhook recebido não é um evento da Evolution API.");
  return {
    event: envelope.event,
    instanceName: envelope.instance,
    dedupeKey: dedupeKey(envelope),
    occurredAt: occurredAt(envelope.data),
    sequenceAt: sequenceAt(envelope.date_time),
    events: providerEvents(envelope),
  };
}
