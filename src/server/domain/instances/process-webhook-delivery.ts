import type { Tx } from "../../db/tenant";
import { withOrganization } from "../../db/tenant";
import { logger } from "../../logger";
import { emitToOrganization } from "../../realtime/emitter";
import { whatsappProvider } from "../../whatsapp";
import type { ParsedWebhook } from "../../whatsapp/provider";
import { applyConnectionState } from "./apply-connection-state";

type Emit = () => Promise<void>;
type DeliveryRow = NonNullable<Awaited<ReturnType<Tx["webhookDelivery"]["findFirst"]>>>;

/**
 * Applies a stored delivery — and, first, any older unprocessed delivery of the same instance, so
 * an instance's events apply in the order they arrived whichever worker picks which job. Serialised
 * per instance by a row lock; safe to run twice (processed deliveries are skipped).
 */
export async function processWebhookDelivery(input: { organizationId: string; deliveryId: string }): Promise<void> {
  const emits = await withOrganization(input.organizationId, async (tx) => {
    const target = await tx.webhookDelivery.findFirst({
      where: { id: input.deliveryId, organizationId: input.organizationId },
    });
    if (!target || target.processedAt) return [];
    await tx.$queryRaw`SELECT id FROM instances WHERE id = ${target.instanceId}::uuid FOR UPDATE`;
    const pending = await tx.webhookDelivery.findMany({
      where: { instanceId: target.instanceId, processedAt: null, receivedAt: { lte: target.receivedAt } },
      orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
    });
    const all: Emit[] = [];
    for (const delivery of pending) all.push(...(await applyDelivery(tx, input.organizationId, delivery)));
    return all;
  });
  // Live updates are best-effort after the commit: browsers catch up by refetching.
  for (const emit of emits) await emit().catch((error) => logger.warn({ err: error }, "realtime emit failed"));
}

async function applyDelivery(tx: Tx, organizationId: string, delivery: DeliveryRow): Promise<Emit[]> {
  let parsed: ParsedWebhook;
  try {
    parsed = whatsappProvider().parseWebhook(delivery.payload);
  } catch (error) {
    // Malformed: kept, marked with the reason, never retried.
    logger.warn({ deliveryId: delivery.id, err: error }, "webhook delivery does not parse");
    await markProcessed(tx, delivery.id, error instanceof Error ? error.message : String(error));
    return [];
  }

  const emits: Emit[] = [];
  const unhandled = new Set<string>();
  for (const event of parsed.events) {
    // Re-read per event: an earlier event of this delivery may have changed the instance.
    const instance = await tx.instance.findFirst({ where: { id: delivery.instanceId } });
    if (!instance) break;
    if (event.kind === "connection" || event.kind === "logout") {
      const state = event.kind === "logout" ? "close" : event.state;
      const changed = await applyConnectionState(tx, instance, {
        state,
        statusReason: event.kind === "logout" ? 401 : event.statusReason,
        phoneNumber: event.kind === "connection" ? event.phoneNumber : null,
        profileName: event.kind === "connection" ? event.profileName : null,
        profilePictureUrl: event.kind === "connection" ? event.profilePictureUrl : null,
        sequenceAt: parsed.sequenceAt,
        kind: event.kind === "logout" ? "logout" : "connection",
      });
      if (changed)
        emits.push(() => emitToOrganization(organizationId, "instance.updated", { instanceId: instance.id, state }));
    } else if (event.kind === "qrcode") {
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
  // Events Mirage does not act on yet stay stored, marked, so they can be replayed when it does.
  await markProcessed(tx, delivery.id, unhandled.size ? `unhandled: ${[...unhandled].join(", ")}` : null);
  return emits;
}

async function markProcessed(tx: Tx, deliveryId: string, error: string | null) {
  await tx.webhookDelivery.update({
    where: { id: deliveryId },
    data: { processedAt: new Date(), error, attempts: { increment: 1 } },
  });
}
