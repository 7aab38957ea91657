import { createHash } from "node:crypto";
import type { z } from "../../../shared/zod";
import type { ParsedWebhook, ProviderEvent } from "../provider";
import { disconnectReasonOf } from "./disconnect-reason";
import { phoneFromJid } from "./jid";
import { dateFromEpochSeconds, qrCodeFrom } from "./mapping";
import {
  contactEvents,
  deleteEvents,
  editedEvents,
  messageEvents,
  protocolType,
  updateEvents,
  type EventContext,
} from "./message-events";
import {
  connectionUpdateData,
  messageDeleteData,
  messageKeyData,
  messageTimestampData,
  messageUpdateData,
  protocolMessageSchema,
  protocolTimestampData,
  qrcodeUpdatedData,
  webhookEnvelopeSchema,
} from "./schemas";
import { parseEventData, parseOrReject } from "./validation";

type Envelope = z.infer<typeof webhookEnvelopeSchema>;

function parseData<T>(schema: z.ZodType<T>, envelope: Envelope): T {
  return parseEventData(schema, envelope.data, envelope.event);
}

const hash = (text: string): string => createHash("sha256").update(text).digest("hex");

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
    // 2.3.7's content updates (edits, poll votes) come with a made-up status: they must not take a receipt's key.
    const update = messageUpdateData.safeParse(data);
    if (update.success && update.data.status && update.data.message == null && update.data.pollUpdates == null) {
      return `${update.data.keyId}:${update.data.status}`;
    }
  }
  if (event === "messages.edited") {
    // Each edit of a message has its own timestampMs; a revoke happens once.
    const protocol = protocolMessageSchema.safeParse(data);
    if (protocol.success && protocol.data.key) {
      const type = protocolType(protocol.data);
      const edit = type === "REVOKE" ? "" : `:${protocol.data.timestampMs ?? hash(JSON.stringify(data))}`;
      return `messages.edited:${protocol.data.key.id}:${type}${edit}`;
    }
  }
  if (event === "messages.delete") {
    // A remote revoke sends the WhatsApp key (`id`); an API delete sends the stored row (WhatsApp id in `key.id`).
    const deletion = messageDeleteData.safeParse(data);
    if (deletion.success) return `messages.delete:${deletion.data.key?.id ?? deletion.data.id}`;
  }
  return hash([event, envelope.instance, envelope.date_time ?? "", JSON.stringify(data ?? null)].join("|"));
}

/**
 * `date_time` is the server's local time labelled as UTC (contract §10.1), so only message time is
 * trusted: `messageTimestamp` (seconds), or an edit's `timestampMs`.
 */
function occurredAt(data: unknown): Date {
  const timed = messageTimestampData.safeParse(data);
  if (timed.success) return dateFromEpochSeconds(timed.data.messageTimestamp);
  const protocol = protocolTimestampData.safeParse(data);
  return protocol.success ? new Date(protocol.data.timestampMs) : new Date();
}

/** `date_time` as-is: wrong as a wall-clock time, but fixed per server and kept across retries. */
function sequenceAt(dateTime: string | null | undefined): Date | null {
  if (!dateTime) return null;
  const parsed = new Date(dateTime);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

function providerEvents(envelope: Envelope): ProviderEvent[] {
  const instanceName = envelope.instance;
  const context: EventContext = { event: envelope.event, instanceName, ownJid: envelope.sender ?? null };
  switch (envelope.event) {
    case "connection.update": {
      const update = parseData(connectionUpdateData, envelope);
      return [
        {
          kind: "connection.changed",
          instanceName,
          state: update.state,
          reason: disconnectReasonOf(update.statusReason),
          phoneNumber: phoneFromJid(update.wuid),
          profileName: update.profileName ?? null,
          profilePictureUrl: update.profilePictureUrl ?? null,
        },
      ];
    }
    case "qrcode.updated": {
      const update = parseData(qrcodeUpdatedData, envelope);
      if ("qrcode" in update) return [{ kind: "qr.updated", instanceName, qr: qrCodeFrom(update.qrcode) }];
      // QRCODE_LIMIT reached: Evolution gives up pairing (a `connection.update` "refused" follows).
      return [
        {
          kind: "connection.changed",
          instanceName,
          state: "refused",
          reason: disconnectReasonOf(update.statusCode),
          phoneNumber: null,
          profileName: null,
          profilePictureUrl: null,
        },
      ];
    }
    case "logout.instance":
      return [{ kind: "session.logged_out", instanceName }];
    case "messages.upsert":
      return messageEvents(context, envelope.data, "upsert");
    case "send.message":
      return messageEvents(context, envelope.data, "send");
    case "messages.edited":
      return editedEvents(context, envelope.data);
    case "messages.delete":
      return deleteEvents(context, envelope.data);
    case "messages.update":
      return updateEvents(context, envelope.data);
    case "contacts.upsert":
    case "contacts.update":
      return contactEvents(context, envelope.data);
    default:
      return [{ kind: "unsupported", instanceName, event: envelope.event }];
  }
}

/**
 * Reads one Evolution webhook delivery. Throws a VALIDATION AppError for a body that is not an
 * Evolution envelope, or whose data is malformed for an event Mirage reads (connection, QR, messages,
 * receipts, contacts); other events are "unsupported". The body itself is not changed: the
 * caller stores it raw.
 */
export function parseEvolutionWebhook(body: unknown): ParsedWebhook {
  const envelope = parseOrReject(webhookEnvelopeSchema, body, "webhookNotEvolutionEvent");
  return {
    event: envelope.event,
    instanceName: envelope.instance,
    dedupeKey: dedupeKey(envelope),
    occurredAt: occurredAt(envelope.data),
    sequenceAt: sequenceAt(envelope.date_time),
    events: providerEvents(envelope),
  };
}
