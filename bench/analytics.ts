/**
 * Analytics benchmark at inbox scale (issue 12): an organization with M messages in C conversations over the
 * last D days (3 numbers, 5 members), seeded in SQL like bench:inbox, plus the reporting events they would
 * have produced (one per message; assignment, first response, resolution, reopening per conversation). Then,
 * through the real domain functions (Prisma, Row-Level Security): the full rollup rebuild; the Métricas
 * dashboard for 30 and 365 days on the rollup with today from raw events, and with every day in the rollup;
 * a saved report filtered by one number (by day, compared with the previous period); the scheduled
 * incremental refresh after a burst of new and late events. No web server or worker.
 *   npm run bench:analytics -- [--messages=10000000] [--conversations=1000000] [--days=400] [--samples=30]
 *                              [--keep] [--raw]
 * (or BENCH_MESSAGES / BENCH_CONVERSATIONS / BENCH_DAYS). The data directory .data/bench-analytics starts
 * empty unless --keep, which also reuses an organization seeded there with the same sizes; --raw also times the 30-day dashboard from raw events alone (slow at 10M).
 * Ends with one JSON line of figures.
 */
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { withOrganization } from "../src/server/db/tenant";
import { getAnalyticsDashboard } from "../src/server/domain/analytics/get-analytics-dashboard";
import { addDays, organizationCalendar } from "../src/server/domain/analytics/organization-calendar";
import {
  rebuildReportingRollup,
  refreshReportingRollup,
} from "../src/server/domain/analytics/refresh-reporting-rollup";
import { rollupReportingDays } from "../src/server/domain/analytics/rollup-reporting-days";
import { buildReportTable } from "../src/server/domain/reports/build-report-table";
import { reportMetrics } from "../src/shared/schemas/reports";
import { seedReportingEvents } from "./support/analytics-seed";
import { runWithBenchOrganization, type BenchActor } from "./support/bench-organization";
import { booleanFlag, machine, numberFlag, percentile, round1, superuserUrl } from "./support/common";
import { seedAgents, seedInbox } from "./support/inbox-seed";

const sized = (name: string, envName: string, fallback: number) =>
  numberFlag(name, process.env[envName] ? Number(process.env[envName]) : fallback);
const MESSAGES = sized("messages", "BENCH_MESSAGES", 10_000_000);
const CONVERSATIONS = sized("conversations", "BENCH_CONVERSATIONS", 1_000_000);
const DAYS = sized("days", "BENCH_DAYS", 400);
const SAMPLES = numberFlag("samples", 30);
const KEEP = booleanFlag("keep");
const RAW = booleanFlag("raw");
const TARGETS = { dashboardP95Ms: 100, refreshMs: 5000 };
const MEMBERS = 5;
const env: Record<string, string> = {
  MIRAGE_DATA_DIR: path.resolve(".data/bench-analytics"),
  EMBEDDED_PG_PORT: "54889",
  LOG_LEVEL: "warn",
};

const log = (line: string) => console.log(`[bench] ${line}`);
const load = () => os.loadavg().map(round1);

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

interface Latency {
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  pass: boolean;
}

async function latency(label: string, call: () => Promise<unknown>): Promise<Latency> {
  for (let i = 0; i < 3; i++) await call();
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) times.push((await timed(call))[1]);
  const figures = {
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    maxMs: percentile(times, 100),
    pass: percentile(times, 95) <= TARGETS.dashboardP95Ms,
  };
  console.log(
    `  ${label.padEnd(58)} p50 ${String(figures.p50Ms).padStart(7)} ms  p95 ${String(figures.p95Ms).padStart(7)} ms` +
      `  (target p95 ≤ ${TARGETS.dashboardP95Ms} ms: ${figures.pass ? "PASS" : "FAIL"})`,
  );
  return figures;
}

async function seed(admin: pg.Pool, actor: BenchActor): Promise<number> {
  const { organizationId } = actor;
  const client = await admin.connect();
  try {
    const instanceIds = (
      await client.query<{ id: string }>(
        `INSERT INTO instances (id, organization_id, name, provider_name, webhook_secret_hash, created_at, updated_at)
         SELECT uuidv7(), $1::uuid, 'Número ' || g, 'bench-analytics-' || g || '-' || $1, 'x', now(), now()
         FROM generate_series(1, 3) g RETURNING id`,
        [organizationId],
      )
    ).rows.map((r) => r.id);
    const agentIds = await seedAgents(client, organizationId, MEMBERS - 1);
    const tags = await client.query<{ id: string }>(
      `INSERT INTO tags (id, organization_id, name, color, created_at)
       SELECT uuidv7(), $1::uuid, name, 'blue', now() FROM unnest(ARRAY['Urgente','Troca','VIP']) AS t(name) RETURNING id`,
      [organizationId],
    );
    await seedInbox(client, {
      organizationId,
      instanceIds,
      assigneeIds: [actor.userId, ...agentIds],
      tagIds: tags.rows.map((r) => r.id),
      conversations: CONVERSATIONS,
      messages: MESSAGES,
      days: DAYS,
      log: (line) => log(`  ${line}`),
    });
    return await seedReportingEvents(client, { organizationId, days: DAYS, ownerId: actor.userId, log });
  } finally {
    client.release();
  }
}

async function main() {
  const name = `Bench analytics ${MESSAGES}/${CONVERSATIONS}/${DAYS}`;
  if (!KEEP) rmSync(env.MIRAGE_DATA_DIR!, { recursive: true, force: true });
  await runWithBenchOrganization(
    env,
    async (actor, { reused }) => {
      const { organizationId } = actor;
      const admin = new pg.Pool({
        connectionString: superuserUrl(env.MIRAGE_DATA_DIR!, env.EMBEDDED_PG_PORT!),
        max: 2,
      });
      try {
        let seedSeconds: number | null = null;
        if (reused) log(`reusing the seeded organization ${name}`);
        else {
          log(`seeding ${MESSAGES} messages in ${CONVERSATIONS} conversations over ${DAYS} days, and their events…`);
          const [events, seedMs] = await timed(() => seed(admin, actor));
          seedSeconds = round1(seedMs / 1000);
          log(`seeded (${events} events) in ${seedSeconds} s`);
        }
        const count = async (sql: string) =>
          Number((await admin.query<{ n: string }>(sql, [organizationId])).rows[0]!.n);
        const sizes = {
          messages: await count(`SELECT count(*) AS n FROM messages WHERE organization_id = $1`),
          conversations: await count(`SELECT count(*) AS n FROM conversations WHERE organization_id = $1`),
          events: await count(`SELECT count(*) AS n FROM reporting_events WHERE organization_id = $1`),
          databaseGiB: round1(
            (await count(`SELECT pg_database_size(current_database()) + 0 * length($1) AS n`)) / 1024 ** 3,
          ),
        };
        log(`${JSON.stringify(sizes)}; load average ${load().join(" ")}`);

        const dashboard = (periodDays: number) => () => getAnalyticsDashboard(actor, { periodDays });
        const instanceId = (
          await admin.query<{ id: string }>(
            `SELECT id FROM instances WHERE organization_id = $1 ORDER BY name LIMIT 1`,
            [organizationId],
          )
        ).rows[0]!.id;
        const report = (periodDays: 30 | 365) => () =>
          withOrganization(organizationId, (tx) =>
            buildReportTable(tx, organizationId, {
              metrics: [...reportMetrics],
              dimension: "day",
              periodDays,
              filters: { instanceIds: [instanceId], memberIds: [] },
              comparison: "previous",
            }),
          );

        let rawOnly: Latency | null = null;
        if (RAW) {
          await admin.query(`DELETE FROM reporting_rollup_state WHERE organization_id = $1`, [organizationId]);
          rawOnly = await latency("dashboard 30 days from raw events only", dashboard(30));
        }

        const loadBefore = load();
        const [rebuilt, rebuildMs] = await timed(() => rebuildReportingRollup({ organizationId }));
        const rollupRows = await count(`SELECT count(*) AS n FROM reporting_daily WHERE organization_id = $1`);
        log(`full rebuild: ${rebuilt.days.length} days, ${rollupRows} rollup rows in ${round1(rebuildMs / 1000)} s`);
        await admin.query(`VACUUM (ANALYZE) reporting_daily`);

        log(`reads (${SAMPLES} samples each after 3 warm-ups)`);
        const reads = {
          dashboard30: await latency("dashboard 30 days (rollup + today from raw)", dashboard(30)),
          dashboard365: await latency("dashboard 365 days (rollup + today from raw)", dashboard(365)),
          report30ByNumber: await latency("report 30 days, one number, by day, vs previous", report(30)),
          report365ByNumber: await latency("report 365 days, one number, by day, vs previous", report(365)),
          dashboard30AllRollup: null as Latency | null,
          dashboard365AllRollup: null as Latency | null,
        };
        // "Without today from raw": today rolled up too and the watermark moved onto it, then put back.
        const { timezone, today } = await withOrganization(organizationId, (tx) =>
          organizationCalendar(tx, organizationId),
        );
        await withOrganization(organizationId, async (tx) => {
          await rollupReportingDays(tx, { organizationId, timezone, days: [today] });
          await tx.$executeRaw`UPDATE reporting_rollup_state SET complete_through = ${today}::date
            WHERE organization_id = ${organizationId}::uuid`;
        });
        reads.dashboard30AllRollup = await latency("dashboard 30 days (every day from the rollup)", dashboard(30));
        reads.dashboard365AllRollup = await latency("dashboard 365 days (every day from the rollup)", dashboard(365));
        await admin.query(`DELETE FROM reporting_daily WHERE organization_id = $1 AND day = $2::date`, [
          organizationId,
          today,
        ]);
        await admin.query(`UPDATE reporting_rollup_state SET complete_through = $2::date WHERE organization_id = $1`, [
          organizationId,
          addDays(today, -1),
        ]);

        // Incremental refresh after ten minutes' worth of traffic (the job's period) plus late events on
        // five earlier days, written now like the live paths write them.
        const perTenMinutes = Math.max(1, Math.round(MESSAGES / DAYS / 144));
        const refreshes: number[] = [];
        for (let run = 0; run < 3; run++) {
          await admin.query(
            `INSERT INTO reporting_events (organization_id, occurred_at, kind, instance_id, direction, member_id)
             SELECT $1::uuid, CASE WHEN g % 50 = 0 THEN now() - (1 + g % 5) * interval '7 days' ELSE now() - random() * interval '10 minutes' END,
               CASE WHEN g % 2 = 0 THEN 'message.inbound' ELSE 'message.outbound' END, $3::uuid,
               (CASE WHEN g % 2 = 0 THEN 'inbound' ELSE 'outbound' END)::"MessageDirection", NULL
             FROM generate_series(1, $2::int) g`,
            [organizationId, perTenMinutes, instanceId],
          );
          const [refreshed, refreshMs] = await timed(() => refreshReportingRollup({ organizationId }));
          refreshes.push(refreshMs);
          log(
            `incremental refresh ${run + 1}: ${perTenMinutes} new events, ${refreshed.days.length} days in ${round1(refreshMs)} ms`,
          );
        }
        const refreshMs = percentile(refreshes, 50);
        const judged = [reads.dashboard30, reads.dashboard365, reads.dashboard30AllRollup, reads.dashboard365AllRollup];
        return {
          bench: "analytics",
          settings: {
            messages: MESSAGES,
            conversations: CONVERSATIONS,
            days: DAYS,
            samples: SAMPLES,
            members: MEMBERS,
          },
          data: { ...sizes, rollupRows, seedSeconds },
          rawOnly,
          rebuild: { days: rebuilt.days.length, ms: round1(rebuildMs), loadAverage: loadBefore },
          reads,
          refresh: { newEventsPerRun: perTenMinutes, medianMs: refreshMs, runsMs: refreshes.map(round1) },
          targets: TARGETS,
          pass: { reads: judged.every((r) => r!.pass), refresh: refreshMs <= TARGETS.refreshMs },
          loadAverage: load(),
          machine: machine(),
        };
      } finally {
        await admin.end();
      }
    },
    { reuseName: name },
  );
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
