import type { Tx } from "../../db/tenant";
import { withOrganization } from "../../db/tenant";
import { enqueue } from "../../jobs/enqueue";
import { logger } from "../../logger";
import { whatsappProviderFor } from "../../whatsapp";
import type { WhatsAppProvider } from "../../whatsapp/provider";
import { emitMessageChanges } from "../messages/emit-message-changes";
import type { MessageChange } from "../messages/message-change";
import { metrics } from "../../observability/metrics";
import { openIngestBatch } from "../messages/ingest-batch";
import { StaleBatchError } from "../messages/pending-messages";
import {
  applyDelivery,
  parseStoredDelivery,
  type Emit,
  type ParsedDelivery,
  type StoredDelivery,
} from "./apply-delivery";
import { deliveryProblem } from "./delivery-problem";
import { MAX_ATTEMPTS, markDeliveries, type DeliveryOutcome } from "./mark-deliveries";

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
    if (batch.retryAttempt !== null) await scheduleRetry(target, batch.retryAttempt);
    if (batch.count < BATCH_SIZE) return { applied };
    if (Date.now() - started > DRAIN_BUDGET_MS) {
      await enqueue("webhooks.drain", target, { singletonKey: target.instanceId });
      return { applied };
    }
  }
}

/**
 * Deliveries that failed stay pending (until their last attempt); a delayed drain comes back for them
 * with backoff. Its own key, so it never holds back the immediate nudges of new deliveries.
 */
async function scheduleRetry(target: DrainTarget, attempt: number): Promise<void> {
  const delayMs = Math.min(2 ** attempt * 1000, 60_000);
  await enqueue("webhooks.drain", target, {
    singletonKey: `${target.instanceId}:retry`,
    startAfter: new Date(Date.now() + delayMs),
  });
}

async function applyNextBatch(target: DrainTarget): Promise<{ count: number; retryAttempt: number | null }> {
  const outcome = await withOrganization(target.organizationId, async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string; provider: string }[]>`
      SELECT id, provider FROM instances WHERE id = ${target.instanceId}::uuid FOR NO KEY UPDATE`;
    if (!locked) return null;
    const pending: StoredDelivery[] = await tx.webhookDelivery.findMany({
      where: { instanceId: target.instanceId, processedAt: null },
      orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
      take: BATCH_SIZE,
      select: { id: true, instanceId: true, rawBody: true, payload: true, attempts: true, receivedAt: true },
    });
    if (!pending.length) return null;
    const results = await applyBatch(tx, target, pending, whatsappProviderFor(locked));
    await markDeliveries(tx, results);
    return { count: pending.length, results };
  });
  if (!outcome) return { count: 0, retryAttempt: null };
  const appliedAt = Date.now();
  for (const { applied, delivery } of outcome.results)
    if (applied && delivery.receivedAt)
      metrics().ingestionLag.observe((appliedAt - delivery.receivedAt.getTime()) / 1000);
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
  // Failed but not yet set aside: come back for them, later each time.
  const failedAttempts = outcome.results
    .filter((result) => !result.applied && result.delivery.attempts + 1 < MAX_ATTEMPTS)
    .map((result) => result.delivery.attempts + 1);
  return { count: outcome.count, retryAttempt: failedAttempts.length ? Math.min(...failedAttempts) : null };
}

/** Tries of a batch (or of one delivery) that lost a deadlock or serialization race before it counts as failed. */
const CONFLICT_TRIES = 3;

/**
 * Deadlock, serialization failure, or a read-ahead another process overtook: the same work succeeds when
 * tried again.
 */
function isConflict(error: unknown): boolean {
  const text = `${(error as { code?: unknown })?.code ?? ""} ${error instanceof Error ? error.message : ""}`;
  return error instanceof StaleBatchError || /40P01|40001|deadlock detected|could not serialize/.test(text);
}

/** Applies items with one shared read-ahead and writes the batch's activity before returning. */
async function applyItems(tx: Tx, target: DrainTarget, items: ParsedDelivery[]): Promise<DeliveryOutcome[]> {
  const events = items.flatMap((item) => item.parsed?.events ?? []);
  const batch = await openIngestBatch(tx, target, events);
  const results: DeliveryOutcome[] = [];
  for (const item of items) {
    results.push({
      delivery: item.delivery,
      applied: await applyDelivery(tx, target.organizationId, item, batch),
      error: null,
    });
  }
  await batch.flush(tx);
  return results;
}

/** Runs `work` under a savepoint, again after a lost deadlock; the last error is thrown. */
async function underSavepoint<T>(tx: Tx, name: string, work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    await tx.$executeRawUnsafe(`SAVEPOINT ${name}`);
    try {
      const result = await work();
      await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${name}`);
      if (!isConflict(error) || attempt >= CONFLICT_TRIES) throw error;
    }
  }
}

/**
 * The whole batch under one savepoint; if anything in it fails, the batch is rolled back and applied one
 * delivery at a time, each under its own savepoint, so one bad delivery is set aside and the rest proceed.
 */
async function applyBatch(
  tx: Tx,
  target: DrainTarget,
  pending: StoredDelivery[],
  provider: WhatsAppProvider,
): Promise<DeliveryOutcome[]> {
  const items = pending.map((delivery) => parseStoredDelivery(delivery, provider));
  try {
    return await underSavepoint(tx, "batch", () => applyItems(tx, target, items));
  } catch (error) {
    logger.warn({ err: error, instanceId: target.instanceId, size: items.length }, "batch failed; applying one by one");
  }
  const results: DeliveryOutcome[] = [];
  for (const item of items) {
    try {
      results.push(...(await underSavepoint(tx, "delivery", () => applyItems(tx, target, [item]))));
    } catch (error) {
      const { delivery } = item;
      logger.error({ err: error, deliveryId: delivery.id, attempts: delivery.attempts + 1 }, "webhook delivery failed");
      results.push({ delivery, applied: null, error: deliveryProblem("deliveryFailed", error) });
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
    await enqueue("webhooks.drain", { organizationId, instanceId }, { singletonKey: instanceId });
  }
  return stranded.length;
}
