import { hostname } from "node:os";
import { db } from "../../db/client";
import type { Prisma } from "../../db/client";

export interface WorkerIdentity {
  workerId: string;
  startedAt: Date;
}

/** Records that this worker process is alive, with a snapshot of its metrics for /api/metrics. */
export async function recordWorkerHeartbeat(
  worker: WorkerIdentity,
  metricsSnapshot: Prisma.InputJsonValue,
): Promise<void> {
  const now = new Date();
  await db().workerHeartbeat.upsert({
    where: { workerId: worker.workerId },
    create: {
      workerId: worker.workerId,
      host: hostname(),
      pid: process.pid,
      startedAt: worker.startedAt,
      beatAt: now,
      metrics: metricsSnapshot,
    },
    update: { beatAt: now, metrics: metricsSnapshot },
  });
}

/** Records a run of the `system.heartbeat` cron job: scheduling and job consumption work. */
export async function recordCronHeartbeat(worker: WorkerIdentity): Promise<void> {
  const now = new Date();
  await db().workerHeartbeat.upsert({
    where: { workerId: worker.workerId },
    create: {
      workerId: worker.workerId,
      host: hostname(),
      pid: process.pid,
      startedAt: worker.startedAt,
      beatAt: now,
      cronAt: now,
    },
    update: { beatAt: now, cronAt: now },
  });
}

/** A worker that stopped cleanly leaves no stale row behind; old rows of crashed ones are pruned. */
export async function forgetWorker(worker: WorkerIdentity): Promise<void> {
  await db().workerHeartbeat.deleteMany({
    where: { OR: [{ workerId: worker.workerId }, { beatAt: { lt: new Date(Date.now() - 24 * 3600_000) } }] },
  });
}
