import { env } from "../../../env";
import { db } from "../../db/client";
import { DEFAULT_PROVIDER_KIND, whatsappProviderOfKind } from "../../whatsapp";
import { pendingMigrations } from "../../db/migrate";
import { PGBOSS_SCHEMA } from "../../jobs/boss";
import { queueNames } from "../../jobs/queues";
import { parseJsonColumn } from "../../db/json-column";
import { logger } from "../../logger";
import { workerMetricsSchema, type WorkerMetrics } from "./worker-metrics-schema";

export interface ReadinessCheck {
  ok: boolean;
  detail?: string;
  [key: string]: unknown;
}

export interface Readiness {
  ok: boolean;
  checks: Record<"database" | "migrations" | "queue" | "worker", ReadinessCheck>;
  /** Reported, not counted in `ok`: Mirage serves (inbox, history) while Evolution API is away. */
  evolution: {
    circuit: "closed" | "open" | "half-open";
    consecutiveFailures: number;
    lastError: string | null;
    isSimulator: boolean;
  };
}

/** Worker heartbeats are written every 10 s; a worker silent for longer than this is down. */
export const WORKER_STALE_SECONDS = 45;

async function check(run: () => Promise<ReadinessCheck>): Promise<ReadinessCheck> {
  try {
    return await run();
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

export async function getReadiness(): Promise<Readiness> {
  const database = await check(async () => {
    const started = performance.now();
    await db().$queryRaw`SELECT 1`;
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  });
  const migrations = await check(async () => {
    const pending = await pendingMigrations((sql) => db().$queryRawUnsafe(sql));
    return pending.length ? { ok: false, detail: `pending: ${pending.join(", ")}`, pending } : { ok: true };
  });
  const queue = await check(async () => {
    const rows = await db().$queryRawUnsafe<{ name: string }[]>(
      `SELECT name FROM ${PGBOSS_SCHEMA}.queue WHERE name = ANY($1)`,
      queueNames,
    );
    const missing = queueNames.filter((name) => !rows.some((r) => r.name === name));
    return missing.length
      ? { ok: false, detail: `queues not declared: ${missing.join(", ")}` }
      : { ok: true, queues: rows.length };
  });
  const worker = await check(async () => {
    const latest = await db().workerHeartbeat.findFirst({ orderBy: { beatAt: "desc" } });
    if (!latest) return { ok: false, detail: "no worker has ever reported; start one with `npm run worker`" };
    const ageSeconds = Math.round((Date.now() - latest.beatAt.getTime()) / 1000);
    const live = await db().workerHeartbeat.count({
      where: { beatAt: { gt: new Date(Date.now() - WORKER_STALE_SECONDS * 1000) } },
    });
    const cronAgeSeconds = latest.cronAt ? Math.round((Date.now() - latest.cronAt.getTime()) / 1000) : null;
    return ageSeconds > WORKER_STALE_SECONDS
      ? { ok: false, detail: `last worker heartbeat ${ageSeconds}s ago`, ageSeconds, live }
      : { ok: true, ageSeconds, live, cronAgeSeconds };
  });
  const checks = { database, migrations, queue, worker };
  const circuit = whatsappProviderOfKind(DEFAULT_PROVIDER_KIND).circuitState();
  return {
    ok: Object.values(checks).every((c) => c.ok),
    checks,
    evolution: {
      circuit: circuit.state,
      consecutiveFailures: circuit.consecutiveFailures,
      lastError: circuit.lastError,
      isSimulator: env().evolution.isSimulator,
    },
  };
}

/** Snapshots of live workers' metrics, merged into /api/metrics. */
export async function workerMetricSnapshots(): Promise<WorkerMetrics[]> {
  const rows = await db().workerHeartbeat.findMany({
    where: { beatAt: { gt: new Date(Date.now() - WORKER_STALE_SECONDS * 1000) } },
    select: { workerId: true, metrics: true },
  });
  return rows.flatMap((row) => {
    try {
      const metrics = parseJsonColumn(workerMetricsSchema, row.metrics, {
        table: "worker_heartbeats",
        column: "metrics",
        id: row.workerId,
      });
      return metrics.length > 0 ? [metrics] : [];
    } catch (error) {
      // One worker's unreadable snapshot must not take the others' (and this process's) metrics down.
      logger.error({ err: error }, "worker metrics snapshot skipped");
      return [];
    }
  });
}

/** Queue depth per queue and state, in Prometheus text format. */
export async function queueDepthGauges(): Promise<string> {
  const rows = await db().$queryRawUnsafe<{ name: string; state: string; count: bigint }[]>(
    `SELECT name, state::text AS state, count(*) AS count FROM ${PGBOSS_SCHEMA}.job
     WHERE state IN ('created', 'retry', 'active', 'failed') GROUP BY name, state`,
  );
  const lines = [
    "# HELP mirage_queue_jobs Jobs per queue and state (created, retry, active, failed)",
    "# TYPE mirage_queue_jobs gauge",
  ];
  for (const name of queueNames) {
    for (const state of ["created", "retry", "active", "failed"]) {
      const count = rows.find((r) => r.name === name && r.state === state)?.count ?? 0n;
      lines.push(`mirage_queue_jobs{queue="${name}",state="${state}"} ${count}`);
    }
  }
  const ages = await db().$queryRawUnsafe<{ name: string; age: number }[]>(
    `SELECT name, extract(epoch FROM now() - min(created_on))::float8 AS age FROM ${PGBOSS_SCHEMA}.job
     WHERE state IN ('created', 'retry') AND start_after <= now() GROUP BY name`,
  );
  lines.push(
    "# HELP mirage_queue_oldest_job_age_seconds Age of the oldest job waiting to run, per queue",
    "# TYPE mirage_queue_oldest_job_age_seconds gauge",
  );
  for (const name of queueNames)
    lines.push(`mirage_queue_oldest_job_age_seconds{queue="${name}"} ${ages.find((r) => r.name === name)?.age ?? 0}`);
  return `${lines.join("\n")}\n`;
}
