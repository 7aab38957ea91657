import "./start-tracing";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { JobResult, PgBoss } from "pg-boss";
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
import { logger } from "../server/logger";
import { metrics } from "../server/observability/metrics";
import { stopTracing } from "../server/observability/start-tracing";
import { closeEmitter } from "../server/realtime/emitter";
import { recordProcessFailures } from "../server/domain/errors/record-process-failures";
import { startProfileRunner } from "../server/domain/profiling/start-profile-runner";
import { runJob } from "./run-job";

process.env.MIRAGE_PROCESS ??= "worker";
recordProcessFailures("worker");
const HEARTBEAT_INTERVAL_MS = 10_000;
/** What a stop leaves after waiting for jobs: pg-boss cleanup and closing connections, before the supervisor's kill. */
const SHUTDOWN_CLEANUP_MS = 2_000;

/** How many jobs one fetch takes; a full batch fetches again at once (burst) instead of waiting to poll. */
const BATCH_SIZE = 20;

async function registerQueue(boss: PgBoss, name: QueueName, worker: WorkerIdentity, concurrency: number) {
  await boss.work<object>(
    name,
    {
      batchSize: queues[name].batchSize ?? BATCH_SIZE,
      perJobResults: true,
      burstWhenBatchFull: true,
      localConcurrency: queues[name].concurrency ?? concurrency,
      groupConcurrency: queues[name].concurrencyPerOrganization,
      pollingIntervalSeconds: queues[name].notify === false ? 0.5 : 2,
    },
    async (jobs) => {
      // One job after another within a batch (ordering per instance comes from its row lock).
      const results: JobResult[] = [];
      for (const job of jobs) results.push(await runJob(name, job, worker));
      return results;
    },
  );
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
  // The backup's time is a setting, not part of the queue's declaration; `off` removes the schedule.
  if (settings.BACKUP_CRON === "off") await boss.unschedule("backup.run");
  else await boss.schedule("backup.run", settings.BACKUP_CRON, {}, { tz: "UTC" });
  await boss.send("system.heartbeat", {});
  // Re-sync at start: one run of every per-organization schedule now, not at the next tick.
  for (const name of queueNames) {
    if (!queues[name].cronPerOrganization) continue;
    for (const schedule of await boss.getSchedules(name)) await boss.send(name, (schedule.data ?? {}) as object);
  }
  const profiler = startProfileRunner("worker");
  logger.info({ workerId: worker.workerId, queues: queueNames.length }, "worker started");

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "worker stopping: finishing active jobs");
    clearInterval(heartbeatTimer);
    await profiler.stop().catch(() => undefined);
    // graceful: stop fetching, wait for active jobs; whatever outlives the grace period is retried later.
    await boss
      .stop({
        graceful: true,
        timeout: Math.max(1_000, settings.SHUTDOWN_GRACE_SECONDS * 1000 - SHUTDOWN_CLEANUP_MS),
      })
      .catch((error) => logger.error({ err: error }, "pg-boss stop failed"));
    await forgetWorker(worker).catch(() => undefined);
    await closeEmitter().catch(() => undefined);
    await disconnectDb();
    await stopTracing().catch(() => undefined);
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
