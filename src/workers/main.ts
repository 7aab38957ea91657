import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { PgBoss } from "pg-boss";
import { env, ConfigError } from "../env";
import { disconnectDb } from "../server/db/client";
import {
  forgetWorker,
  recordWorkerHeartbeat,
  type WorkerIdentity,
} from "../server/domain/system/record-worker-heartbeat";
import { createBoss } from "../server/jobs/boss";
import { setEnqueueBoss } from "../server/jobs/enqueue";
import { queueNames, queues, type QueueName } from "../server/jobs/queues";
import { logger, withLogContext } from "../server/logger";
import { metrics } from "../server/observability/metrics";
import { closeEmitter } from "../server/realtime/emitter";
import { handlers } from "./handlers";

process.env.MIRAGE_PROCESS ??= "worker";
const HEARTBEAT_INTERVAL_MS = 10_000;
const SHUTDOWN_GRACE_MS = 30_000;

async function registerQueue(boss: PgBoss, name: QueueName, worker: WorkerIdentity, concurrency: number) {
  const definition = queues[name];
  const handler = handlers[name] as (
    payload: unknown,
    context: Parameters<(typeof handlers)[QueueName]>[1],
  ) => Promise<void>;
  await boss.work<object>(name, { batchSize: 1, localConcurrency: concurrency }, async ([job]) => {
    if (!job) return;
    await withLogContext({ jobId: job.id, queue: name }, async () => {
      const started = performance.now();
      try {
        // A payload that does not parse will never succeed: fail it without retries burning time.
        const payload = definition.payload.parse(job.data);
        await handler(payload, { worker, jobId: job.id, signal: job.signal });
        metrics().jobDuration.observe({ queue: name, outcome: "completed" }, (performance.now() - started) / 1000);
      } catch (error) {
        metrics().jobDuration.observe({ queue: name, outcome: "failed" }, (performance.now() - started) / 1000);
        metrics().jobFailures.inc({ queue: name });
        logger.error({ err: error, retryCount: job.retryCount }, "job failed");
        throw error;
      }
    });
  });
}

async function main() {
  const settings = env();
  const worker: WorkerIdentity = {
    workerId: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    startedAt: new Date(),
  };
  const boss = createBoss(settings.DATABASE_URL, "worker");
  boss.on("error", (error) => logger.error({ err: error }, "pg-boss error"));
  boss.on("warning", (warning) => logger.warn({ warning }, "pg-boss warning"));
  await boss.start();
  setEnqueueBoss(boss);

  const beat = async () => {
    try {
      await recordWorkerHeartbeat(worker, (await metrics().registry.getMetricsAsJSON()) as never);
    } catch (error) {
      logger.warn({ err: error }, "heartbeat not recorded");
    }
  };
  await beat();
  const heartbeatTimer = setInterval(beat, HEARTBEAT_INTERVAL_MS);

  for (const name of queueNames) await registerQueue(boss, name, worker, settings.WORKER_CONCURRENCY);
  for (const name of queueNames) {
    const cron = queues[name].cron;
    if (cron) await boss.schedule(name, cron, {}, { tz: "UTC" });
  }
  await boss.send("system.heartbeat", {});
  // Re-sync at start: one run of every per-organization schedule now, not at the next tick.
  for (const name of queueNames) {
    if (!queues[name].cronPerOrganization) continue;
    for (const schedule of await boss.getSchedules(name)) await boss.send(name, (schedule.data ?? {}) as object);
  }
  logger.info({ workerId: worker.workerId, queues: queueNames.length }, "worker started");

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "worker stopping: finishing active jobs");
    clearInterval(heartbeatTimer);
    // graceful: stop fetching, wait for active jobs; whatever outlives the grace period is retried later.
    await boss
      .stop({ graceful: true, timeout: SHUTDOWN_GRACE_MS })
      .catch((error) => logger.error({ err: error }, "pg-boss stop failed"));
    await forgetWorker(worker).catch(() => undefined);
    await closeEmitter().catch(() => undefined);
    await disconnectDb();
    logger.info("worker stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    console.error(`mirage worker: ${error.message}`);
  } else {
    logger.fatal({ err: error }, "worker failed to start");
  }
  process.exit(1);
});
