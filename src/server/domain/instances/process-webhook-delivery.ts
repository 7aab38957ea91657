import { withOrganization } from "../../db/tenant";
import { logger } from "../../logger";
import { emitToOrganization } from "../../realtime/emitter";
import { whatsappProvider } from "../../whatsapp";
import type { ParsedWebhook } from "../../whatsapp/provider";
import { applyConnectionState } from "./apply-connection-state";

type Emit = () => Promise<void>;

/**
 * Applies one stored delivery. Safe to run twice (a processed delivery is skipped), and serialised
 * per instance by a row lock so concurrent deliveries of one instance apply one at a time.
 */
export async function processWebhookDelivery(input: { organizationId: string; deliveryId: string }): Promise<void> {
  const emits = await withOrganization(input.organizationId, async (tx) => {
    const delivery = await tx.webhookDelivery.findFirst({
      where: { id: input.deliveryId, organizationId: input.organizationId },
    });
    if (!delivery || delivery.processedAt) return [];
    await tx.$queryRaw`SELECT id FROM instances WHERE id = ${delivery.instanceId}::uuid FOR UPDATE`;
    const instance = await tx.instance.findFirst({ where: { id: delivery.instanceId } });
    if (!instance) return [];

    let parsed: ParsedWebhook;
    try {
      parsed = whatsappProvider().parseWebhook(delivery.payload);
    } catch (error) {
      // Malformed: kept, marked with the reason, never retried.
      logger.warn({ deliveryId: delivery.id, err: error }, "webhook delivery does not parse");
      await tx.webhookDelivery.update({
        where: { id: delivery.id },
        data: {
          processedAt: new Date(),
          error: error instanceof Error ? error.message : String(error),
          attempts: { increment: 1 },
        },
      });
      return [];
    }

    const pending: Emit[] = [];
    const unhandled = parsed.events
      .filter((e) => e.kind === "unsupported")
      .map((e) => (e.kind === "unsupported" ? e.event : ""));
    for (const event of parsed.events) {
      if (event.kind === "connection" || event.kind === "logout") {
        const changed = await applyConnectionState(tx, instance, {
          state: event.kind === "logout" ? "close" : event.state,
          statusReason: event.kind === "logout" ? 401 : event.statusReason,
          phoneNumber: event.kind === "connection" ? event.phoneNumber : null,
          profileName: event.kind === "connection" ? event.profileName : null,
          profilePictureUrl: event.kind === "connection" ? event.profilePictureUrl : null,
          sequenceAt: parsed.sequenceAt,
          kind: event.kind === "logout" ? "logout" : "connection",
        });
        const state = event.kind === "logout" ? "close" : event.state;
        if (changed)
          pending.push(() =>
            emitToOrganization(input.organizationId, "instance.updated", { instanceId: instance.id, state }),
          );
      } else if (event.kind === "qrcode") {
        if (instance.state === "open") continue; // a late QR after pairing is stale
        const qr = { qrDataUrl: event.qr.dataUrl, pairingCode: event.qr.pairingCode };
        await tx.instance.update({
          where: { id: instance.id },
          data: { ...qr, state: "connecting", qrUpdatedAt: new Date(), lastEventAt: new Date() },
        });
        pending.push(() => emitToOrganization(input.organizationId, "instance.qr", { instanceId: instance.id }));
      }
    }
    // Events Mirage does not act on yet stay stored, marked, so they can be replayed when it does.
    const error = unhandled.length ? `unhandled: ${[...new Set(unhandled)].join(", ")}` : null;
    await tx.webhookDelivery.update({
      where: { id: delivery.id },
      data: { processedAt: new Date(), error, attempts: { increment: 1 } },
    });
    return pending;
  });
  // Live updates are best-effort after the commit: browsers catch up by refetching.
  for (const emit of emits) await emit().catch((error) => logger.warn({ err: error }, "realtime emit failed"));
}
