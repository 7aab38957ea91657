/**
 * Analytics benchmark: an organization with N reporting events over the last 90 days (3 numbers,
 * inbound/outbound messages plus first responses and resolutions with durations), seeded in SQL, then
 * the Métricas dashboard query through the real domain function (Prisma, Row-Level Security) from raw
 * events only, the full rollup rebuild, the scheduled refresh, and the dashboard again on the rollup.
 * Embedded Postgres in its own data directory; no web server or worker.
 *   npm run bench:analytics -- [--events=1000000] [--samples=20]
 * Ends with one JSON line of figures.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import { withOrganization } from "../src/server/db/tenant";
import { getAnalyticsDashboard } from "../src/server/domain/analytics/get-analytics-dashboard";
import {
  rebuildReportingRollup,
  refreshReportingRollup,
} from "../src/server/domain/analytics/refresh-reporting-rollup";
import { runWithBenchOrganization, type BenchActor } from "./support/bench-organization";
import { machine, numberFlag, percentile, round1 } from "./support/common";

const EVENTS = numberFlag("events", 1_000_000);
const SAMPLES = numberFlag("samples", 20);
const env: Record<string, string> = {
  MIRAGE_DATA_DIR: path.resolve(".data/bench-analytics"),
  EMBEDDED_PG_PORT: "54889",
  LOG_LEVEL: "warn",
};

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

async function dashboardTimes(actor: BenchActor) {
  const figures: Record<string, { p50Ms: number; p95Ms: number }> = {};
  for (const periodDays of [7, 30, 90] as const) {
    const times: number[] = [];
    for (let i = 0; i < SAMPLES; i++) times.push((await timed(() => getAnalyticsDashboard(actor, { periodDays })))[1]);
    figures[`${periodDays}d`] = { p50Ms: round1(percentile(times, 50)), p95Ms: round1(percentile(times, 95)) };
  }
  return figures;
}

async function main() {
  await runWithBenchOrganization(env, async (actor) => {
    const { organizationId } = actor;
    const [, seedMs] = await timed(() =>
      withOrganization(
        organizationId,
        async (tx) => {
          const ids = [1, 2, 3].map(() => randomUUID());
          for (const [n, id] of ids.entries())
            await tx.instance.create({
              data: {
                id,
                organizationId,
                name: `Número ${n + 1}`,
                providerName: `bench-${id}`,
                webhookSecretHash: "x",
              },
            });
          // 80% messages, 10% first responses, 10% resolutions; times spread evenly over 90 days, each written
          // when it happened (so the refresh sees no late events, as in steady state).
          await tx.$executeRaw`
            INSERT INTO reporting_events (organization_id, occurred_at, created_at, kind, instance_id, direction, value)
            SELECT ${organizationId}::uuid, s.at, s.at,
              CASE WHEN r < 0.45 THEN 'message.inbound' WHEN r < 0.8 THEN 'message.outbound'
                   WHEN r < 0.9 THEN 'conversation.first_response' ELSE 'conversation.resolved' END,
              (${ids}::uuid[])[1 + (g % 3)],
              CASE WHEN r < 0.45 THEN 'inbound'::"MessageDirection" WHEN r < 0.8 THEN 'outbound'::"MessageDirection" END,
              CASE WHEN r >= 0.8 THEN random() * 7200 END
            FROM (SELECT g, random() AS r, now() - random() * interval '90 days' AS at
                  FROM generate_series(1, ${EVENTS}) g) s`;
          await tx.$executeRaw`ANALYZE reporting_events`;
        },
        { timeoutMs: 1_800_000 },
      ),
    );
    console.log(`seeded ${EVENTS} events in ${round1(seedMs / 1000)} s`);
    const raw = await dashboardTimes(actor);
    console.log("dashboard from raw events only", raw);
    const [rebuilt, rebuildMs] = await timed(() => rebuildReportingRollup({ organizationId }));
    console.log(`rebuild: ${rebuilt.days.length} days in ${round1(rebuildMs)} ms`);
    const [refreshed, refreshMs] = await timed(() => refreshReportingRollup({ organizationId }));
    console.log(`refresh: ${refreshed.days.length} days in ${round1(refreshMs)} ms`);
    const rolled = await dashboardTimes(actor);
    console.log("dashboard on the rollup (today from raw events)", rolled);
    return {
      bench: "analytics",
      events: EVENTS,
      samples: SAMPLES,
      dashboardRawOnly: raw,
      rebuildMs: round1(rebuildMs),
      refreshMs: round1(refreshMs),
      dashboardRollup: rolled,
      machine: machine(),
    };
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
