import { fromPrisma, type PgBoss, type SendOptions } from "pg-boss";
import { env } from "../../env";
import type { Tx } from "../db/tenant";
import { logger } from "../logger";
import { SpanKind, TRACE_CONTEXT_KEY, traceCarrier, withSpan } from "../observability/trace";
import { createBoss } from "./boss";
import { queues, type QueueName, type QueuePayload } from "./queues";

const globalForBoss = globalThis as typeof globalThis & { mirageBoss?: Promise<PgBoss> };

/** This process's enqueue-only pg-boss (the worker registers its own, see src/workers). */
function senderBoss(): Promise<PgBoss> {
  globalForBoss.mirageBoss ??= (async () => {
    const boss = createBoss(env().DATABASE_URL, "web");
    boss.on("error", (error) => logger.warn({ err: error }, "pg-boss (enqueue) error"));
    return boss.start({ attempts: 3 });
  })().catch((error: unknown) => {
    // A failed start is not cached: the next enqueue tries again.
    globalForBoss.mirageBoss = undefined;
    throw error;
  });
  return globalForBoss.mirageBoss;
}

/** Lets the worker reuse its own started instance for enqueueing. */
export function setEnqueueBoss(boss: PgBoss): void {
  globalForBoss.mirageBoss = Promise.resolve(boss);
}

/**
 * Enqueues a job, validated against its queue's schema. With `tx`, the job is written in that
 * Prisma transaction: it exists exactly when the work it belongs to was committed.
 */
export async function enqueue<Name extends QueueName>(
  name: Name,
  payload: QueuePayload<Name>,
  options: { tx?: Tx; singletonKey?: string; startAfter?: Date | number } = {},
): Promise<string | null> {
  const parsed = queues[name].payload.safeParse(payload);
  if (!parsed.success) {
    // A programming error, never shown to a person (masked as internal): the message is for the log.
    throw new Error(`Invalid payload for queue ${name}`, { cause: parsed.error });
  }
  const boss = await senderBoss();
  const ids = parsed.data as { organizationId?: string; instanceId?: string };
  const sendOptions: SendOptions = {
    singletonKey: options.singletonKey,
    startAfter: options.startAfter,
    db: options.tx ? fromPrisma(options.tx) : undefined,
    // The worker's per-organization limit counts jobs by this group (see concurrencyPerOrganization).
    group: queues[name].concurrencyPerOrganization && ids.organizationId ? { id: ids.organizationId } : undefined,
  };
  return withSpan(
    `enqueue ${name}`,
    { queue: name, organizationId: ids.organizationId, instanceId: ids.instanceId },
    // The job carries the producer span's context so its processing joins the same trace.
    () => boss.send(name, { ...(parsed.data as object), [TRACE_CONTEXT_KEY]: traceCarrier() }, sendOptions),
    { kind: SpanKind.PRODUCER },
  );
}

export async function stopSenderBoss(): Promise<void> {
  const boss = await globalForBoss.mirageBoss;
  globalForBoss.mirageBoss = undefined;
  await boss?.stop({ graceful: false });
}

/** Creates (or keeps) the per-organization schedule of a queue declared with `cronPerOrganization`. */
export async function scheduleForOrganization(name: QueueName, organizationId: string): Promise<void> {
  const cron = queues[name].cronPerOrganization;
  if (!cron) throw new Error(`Queue ${name} has no per-organization schedule`);
  const boss = await senderBoss();
  await boss.schedule(name, cron, { organizationId }, { key: organizationId, tz: "UTC" });
}
