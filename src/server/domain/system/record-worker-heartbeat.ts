import { hostname } from "node:os";
import { db } from "../../db/client";
import type { Prisma } from "../../db/client";

export interface WorkerIdentity {
  workerId: string;
  startedAt: Date;
}

/** Upserts this worker's row, with `beatAt` now plus whatever else the caller records. */
async function beat(worker: WorkerIdentity, fields: { metrics?: Prisma.InputJsonValue; cronAt?: Date }): Promise<void> {
  const update = { beatAt: new Date(), ...fields };
  await db().workerHeartbeat.upsert({
    where: { workerId: worker.workerId },
    create: { workerId: worker.workerId, host: hostname(), pid: process.pid, startedAt: worker.startedAt, ...update },
    update,
  });
}

/** Records that this worker process is alive, with a snapshot of its metrics for /api/metrics. */
export function recordWorkerHeartbeat(worker: WorkerIdentity, metricsSnapshot: Prisma.InputJsonValue): Promise<void> {
  return beat(worker, { metrics: metricsSnapshot });
}

/** Records a run of the `system.heartbeat` cron job: scheduling and job consumption work. */
export function recordCronHeartbeat(worker: WorkerIdentity): Promise<void> {
  return beat(worker, { cronAt: new Date() });
}

/** A worker that stopped cleanly leaves no stale row behind; old rows of crashed ones are pruned. */
export async function forgetWorker(worker: WorkerIdentity): Promise<void> {
  await db().workerHeartbeat.deleteMany({
    where: { OR: [{ workerId: worker.workerId }, { beatAt: { lt: new Date(Date.now() - 24 * 3600_000) } }] },
  });
}
