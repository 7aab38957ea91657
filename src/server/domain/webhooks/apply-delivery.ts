import type { Tx } from "../../db/tenant";
import { logger } from "../../logger";
import { emitToOrganization } from "../../realtime/emitter";
import type { ParsedWebhook, WhatsAppProvider } from "../../whatsapp/provider";
import { applyConnectionState } from "../instances/apply-connection-state";
import { applyMessageEvent, isMessageEvent } from "../messages/apply-message-event";
import type { IngestBatch } from "../messages/ingest-batch";
import type { MessageChange } from "../messages/message-change";
import { deliveryProblem, type DeliveryProblem } from "./delivery-problem";
import { parseDeliveryBody } from "./parse-delivery-body";

export type Emit = () => Promise<void>;

export interface StoredDelivery {
  id: string;
  instanceId: string;
  rawBody: Uint8Array | null;
  payload: unknown;
  attempts: number;
  /** When intake stored it: the start of the ingestion lag. */
  receivedAt?: Date;
}

export interface AppliedDelivery {
  emits: Emit[];
  changes: MessageChange[];
  /** What to keep on the delivery row: why nothing changed, or which events Mirage does not act on (for operators). */
  note: string | null;
  /** Why a malformed delivery was set aside. */
  problem: DeliveryProblem | null;
  /** Malformed: kept and marked, never retried. */
  malformed: boolean;
}

/** A stored delivery with its events, or the reason it does not parse. */
export type ParsedDelivery = { delivery: StoredDelivery } & (
  { parsed: ParsedWebhook; malformed: null } | { parsed: null; malformed: DeliveryProblem }
);

/** Parses a stored delivery (raw bytes for new rows, the jsonb of rows stored before them) with its instance's provider. */
export function parseStoredDelivery(delivery: StoredDelivery, provider: WhatsAppProvider): ParsedDelivery {
  try {
    const body = delivery.rawBody ? parseDeliveryBody(delivery.rawBody) : delivery.payload;
    return { delivery, parsed: provider.parseWebhook(body), malformed: null };
  } catch (error) {
    logger.warn({ deliveryId: delivery.id, err: error }, "webhook delivery does not parse");
    return { delivery, parsed: null, malformed: deliveryProblem("deliveryMalformed", error) };
  }
}

/** Applies one parsed delivery's events inside the batch's transaction. */
export async function applyDelivery(
  tx: Tx,
  organizationId: string,
  item: ParsedDelivery,
  batch: IngestBatch,
): Promise<AppliedDelivery> {
  const { delivery, parsed } = item;
  // Malformed: kept, marked with the reason, never retried.
  if (!parsed) return { emits: [], changes: [], note: null, problem: item.malformed, malformed: true };

  const emits: Emit[] = [];
  const unhandled = new Set<string>();
  const notes: string[] = [];
  const changes: MessageChange[] = [];
  for (const event of parsed.events) {
    if (isMessageEvent(event)) {
      const outcome = await applyMessageEvent(tx, { organizationId, instanceId: delivery.instanceId }, event, batch);
      changes.push(...outcome.changes);
      if (outcome.note) notes.push(outcome.note);
      continue;
    }
    await batch.writePending(tx); // keep messages and instance events in arrival order
    // Re-read per event: an earlier event of this delivery may have changed the instance.
    const instance = await tx.instance.findFirst({ where: { id: delivery.instanceId } });
    if (!instance) break;
    if (event.kind === "connection.changed" || event.kind === "session.logged_out") {
      const connection = event.kind === "connection.changed" ? event : null;
      const state = connection?.state ?? "close";
      const changed = await applyConnectionState(tx, instance, {
        state,
        statusReason: connection ? connection.reason : "logged_out",
        phoneNumber: connection?.phoneNumber ?? null,
        profileName: connection?.profileName ?? null,
        profilePictureUrl: connection?.profilePictureUrl ?? null,
        sequenceAt: parsed.sequenceAt,
        kind: connection ? "connection" : "logout",
      });
      if (changed)
        emits.push(() => emitToOrganization(organizationId, "instance.updated", { instanceId: instance.id, state }));
    } else if (event.kind === "qr.updated") {
      if (instance.state === "open") continue; // a late QR after pairing is stale
      await tx.instance.update({
        where: { id: instance.id },
        data: {
          qrDataUrl: event.qr.dataUrl,
          pairingCode: event.qr.pairingCode,
          state: "connecting",
          qrUpdatedAt: new Date(),
          lastEventAt: new Date(),
        },
      });
      emits.push(() => emitToOrganization(organizationId, "instance.qr", { instanceId: instance.id }));
    } else {
      unhandled.add(event.event);
    }
  }
  // Events Mirage does not act on stay stored, marked, so they can be replayed if it ever does.
  if (unhandled.size) notes.push(`unhandled: ${[...unhandled].join(", ")}`);
  return {
    emits,
    changes,
    note: notes.length ? notes.join("; ").slice(0, 2000) : null,
    problem: null,
    malformed: false,
  };
}
