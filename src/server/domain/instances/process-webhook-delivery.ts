import type { Tx } from "../../db/tenant";
import { withOrganization } from "../../db/tenant";
import { enqueue } from "../../jobs/enqueue";
import { logger } from "../../logger";
import { emitToOrganization } from "../../realtime/emitter";
import { whatsappProvider } from "../../whatsapp";
import type { ParsedWebhook } from "../../whatsapp/provider";
import { applyMessageEvent, isMessageEvent } from "../messages/apply-message-event";
import { emitMessageChanges } from "../messages/emit-message-changes";
import type { MessageChange } from "../messages/message-change";
import { applyConnectionState } from "./apply-connection-state";

type Emit = () => Promise<void>;
type DeliveryRow = NonNullable<Awaited<ReturnType<Tx["webhookDelivery"]["findFirst"]>>>;

/** Older deliveries applied per job before the target; a bigger backlog continues in a new job. */
const BACKLOG_PER_JOB = 50;
/** Attempts before a delivery that keeps failing is set aside (kept, marked) so it blocks nothing. */
const MAX_ATTEMPTS = 5;

/**
 * Applies a stored delivery — and, first, older unprocessed deliveries of the same instance, so an
 * instance's events apply in the order they arrived whichever worker picks which job. Serialised per
 * instance by a row lock; safe to run twice (processed deliveries are skipped). Each delivery runs
 * under its own savepoint: one that fails is recorded and retried later without blocking the rest.
 */
export async function processWebhookDelivery(input: { organizationId: string; deliveryId: string }): Promise<void> {
  const outcome = await withOrganization(input.organizationId, async (tx) => {
    const target = await tx.webhookDelivery.findFirst({
      where: { id: input.deliveryId, organizationId: input.organizationId },
      select: { id: true, instanceId: true, receivedAt: true, processedAt: true },
    });
    if (!target || target.processedAt) return { emits: [] as Emit[], changes: [] as MessageChange[], targetDone: true };
    await tx.$queryRaw`SELECT id FROM instances WHERE id = ${target.instanceId}::uuid FOR NO KEY UPDATE`;
    const pending = await tx.webhookDelivery.findMany({
      where: { instanceId: target.instanceId, processedAt: null, receivedAt: { lte: target.receivedAt } },
      orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
      take: BACKLOG_PER_JOB,
    });
    const emits: Emit[] = [];
    // Message changes of the whole batch go out together, one event per conversation.
    const changes: MessageChange[] = [];
    for (const delivery of pending) {
      await tx.$executeRawUnsafe("SAVEPOINT delivery");
      try {
        const applied = await applyDelivery(tx, input.organizationId, delivery);
        emits.push(...applied.emits);
        changes.push(...applied.changes);
        await tx.$executeRawUnsafe("RELEASE SAVEPOINT delivery");
      } catch (error) {
        await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT delivery");
        const attempts = delivery.attempts + 1;
        logger.error({ err: error, deliveryId: delivery.id, attempts }, "webhook delivery failed to apply");
        // Set aside after the last attempt: kept, listed for admins to reprocess, no longer blocking its chat.
        const dead = attempts >= MAX_ATTEMPTS ? new Date() : null;
        await tx.webhookDelivery.update({
          where: { id: delivery.id },
          data: {
            attempts,
            error: `failed: ${error instanceof Error ? error.message : String(error)}`.slice(0, 2000),
            processedAt: dead,
            deadAt: dead,
          },
        });
      }
    }
    return { emits, changes, targetDone: pending.some((p) => p.id === target.id) };
  });
  // Live updates are best-effort after the commit: browsers catch up by refetching.
  for (const emit of outcome.emits) await emit().catch((error) => logger.warn({ err: error }, "realtime emit failed"));
  if (outcome.changes.length) await emitMessageChanges(input.organizationId, outcome.changes);
  if (!outcome.targetDone) await enqueue("webhook.process", input, { singletonKey: input.deliveryId });
}

/**
 * Re-queues deliveries left unprocessed (their job dead-lettered, or a failure set them back): run by
 * the watchdog, so nothing stored is forgotten.
 */
export async function requeueStrandedDeliveries(organizationId: string): Promise<number> {
  const stranded = await withOrganization(organizationId, (tx) =>
    tx.webhookDelivery.findMany({
      where: { organizationId, processedAt: null, receivedAt: { lt: new Date(Date.now() - 2 * 60_000) } },
      select: { id: true },
      orderBy: { receivedAt: "asc" },
      take: 100,
    }),
  );
  for (const { id } of stranded) {
    await enqueue("webhook.process", { organizationId, deliveryId: id }, { singletonKey: id });
  }
  return stranded.length;
}

async function applyDelivery(
  tx: Tx,
  organizationId: string,
  delivery: DeliveryRow,
): Promise<{ emits: Emit[]; changes: MessageChange[] }> {
  let parsed: ParsedWebhook;
  try {
    parsed = whatsappProvider().parseWebhook(delivery.payload);
  } catch (error) {
    // Malformed: kept, marked with the reason, never retried.
    logger.warn({ deliveryId: delivery.id, err: error }, "webhook delivery does not parse");
    await markProcessed(tx, delivery.id, `malformed: ${error instanceof Error ? error.message : String(error)}`, true);
    return { emits: [], changes: [] };
  }

  const emits: Emit[] = [];
  const unhandled = new Set<string>();
  const notes: string[] = [];
  const changes: MessageChange[] = [];
  for (const event of parsed.events) {
    if (isMessageEvent(event)) {
      const outcome = await applyMessageEvent(tx, { organizationId, instanceId: delivery.instanceId }, event);
      changes.push(...outcome.changes);
      if (outcome.note) notes.push(outcome.note);
      continue;
    }
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
  // Events Mirage does not act on stay stored, marked, so they can be replayed if it ever does.
  if (unhandled.size) notes.push(`unhandled: ${[...unhandled].join(", ")}`);
  await markProcessed(tx, delivery.id, notes.length ? notes.join("; ").slice(0, 2000) : null);
  return { emits, changes };
}

async function markProcessed(tx: Tx, deliveryId: string, error: string | null, dead = false) {
  const now = new Date();
  await tx.webhookDelivery.update({
    where: { id: deliveryId },
    data: { processedAt: now, error, attempts: { increment: 1 }, deadAt: dead ? now : null },
  });
}
