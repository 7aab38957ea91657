import type { Tx } from "../../db/tenant";
import { withOrganization } from "../../db/tenant";
import { enqueue } from "../../jobs/enqueue";
import { logger } from "../../logger";
import { emitMessageChanges } from "../messages/emit-message-changes";
import type { MessageChange } from "../messages/message-change";
import { applyDelivery, type AppliedDelivery, type Emit, type StoredDelivery } from "./apply-delivery";
import { markDeliveries, type DeliveryOutcome } from "./mark-deliveries";

/** Deliveries applied per transaction. */
const BATCH_SIZE = 200;
/** A drain that has worked this long hands over to a new job, so one busy number cannot hog a worker. */
const DRAIN_BUDGET_MS = 5_000;

interface DrainTarget {
  organizationId: string;
  instanceId: string;
}

/**
 * Applies an instance's stored deliveries in arrival order, a batch per transaction, until none is left.
 * Serialised per instance by a row lock on the instance, so any number of workers is safe, and safe to
 * run twice (processed deliveries are skipped).
 */
export async function drainWebhookDeliveries(target: DrainTarget): Promise<{ applied: number }> {
  const started = Date.now();
  let applied = 0;
  for (;;) {
    const batch = await applyNextBatch(target);
    applied += batch.count;
    if (batch.count < BATCH_SIZE) return { applied };
    if (Date.now() - started > DRAIN_BUDGET_MS) {
      await enqueue("webhook.drain", target, { singletonKey: target.instanceId });
      return { applied };
    }
  }
}

async function applyNextBatch(target: DrainTarget): Promise<{ count: number }> {
  const outcome = await withOrganization(target.organizationId, async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM instances WHERE id = ${target.instanceId}::uuid FOR NO KEY UPDATE`;
    if (!locked.length) return null;
    const pending: StoredDelivery[] = await tx.webhookDelivery.findMany({
      where: { instanceId: target.instanceId, processedAt: null },
      orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
      take: BATCH_SIZE,
      select: { id: true, instanceId: true, rawBody: true, payload: true, attempts: true },
    });
    if (!pending.length) return null;
    const results = await applyBatch(tx, target.organizationId, pending);
    await markDeliveries(tx, results);
    return { count: pending.length, results };
  });
  if (!outcome) return { count: 0 };
  // Live updates are best-effort after the commit: browsers catch up by refetching.
  const emits: Emit[] = [];
  const changes: MessageChange[] = [];
  for (const { applied } of outcome.results) {
    if (!applied) continue;
    emits.push(...applied.emits);
    changes.push(...applied.changes);
  }
  for (const emit of emits) await emit().catch((error) => logger.warn({ err: error }, "realtime emit failed"));
  if (changes.length) await emitMessageChanges(target.organizationId, changes);
  return { count: outcome.count };
}

/**
 * The whole batch under one savepoint; if anything in it fails, the batch is rolled back and applied one
 * delivery at a time, each under its own savepoint, so one bad delivery is set aside and the rest proceed.
 */
async function applyBatch(tx: Tx, organizationId: string, pending: StoredDelivery[]): Promise<DeliveryOutcome[]> {
  await tx.$executeRawUnsafe("SAVEPOINT batch");
  try {
    const results: DeliveryOutcome[] = [];
    for (const delivery of pending) {
      results.push({ delivery, applied: await applyDelivery(tx, organizationId, delivery), error: null });
    }
    await tx.$executeRawUnsafe("RELEASE SAVEPOINT batch");
    return results;
  } catch {
    await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT batch");
  }
  const results: DeliveryOutcome[] = [];
  for (const delivery of pending) {
    await tx.$executeRawUnsafe("SAVEPOINT delivery");
    try {
      const applied: AppliedDelivery = await applyDelivery(tx, organizationId, delivery);
      await tx.$executeRawUnsafe("RELEASE SAVEPOINT delivery");
      results.push({ delivery, applied, error: null });
    } catch (error) {
      await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT delivery");
      logger.error({ err: error, deliveryId: delivery.id, attempts: delivery.attempts + 1 }, "webhook delivery failed");
      const reason = `failed: ${error instanceof Error ? error.message : String(error)}`.slice(0, 2000);
      results.push({ delivery, applied: null, error: reason });
    }
  }
  return results;
}

/**
 * Nudges a drain for every instance with deliveries left waiting (a nudge lost to a crash, a job
 * dead-lettered): run by the watchdog, so nothing stored is forgotten.
 */
export async function requeueStrandedDeliveries(organizationId: string): Promise<number> {
  const stranded = await withOrganization(
    organizationId,
    (tx) =>
      tx.$queryRaw<{ instance_id: string }[]>`
      SELECT DISTINCT instance_id FROM webhook_deliveries
      WHERE organization_id = ${organizationId}::uuid AND processed_at IS NULL
        AND received_at < now() - interval '30 seconds'`,
  );
  for (const { instance_id: instanceId } of stranded) {
    await enqueue("webhook.drain", { organizationId, instanceId }, { singletonKey: instanceId });
  }
  return stranded.length;
}
