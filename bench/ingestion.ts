/**
 * Ingestion benchmark: Evolution `messages.upsert` webhooks driven from another process at the real
 * intake route, then processed by the real worker. Compared, in the same run and the same Postgres,
 * with a raw baseline (plain Node + pg: one INSERT per request; one upsert statement per event).
 *   npm run bench:ingestion -- [--duration=60] [--rate=1000] [--instances=4] [--contacts=5000]
 *                              [--connections=50] [--raw-concurrency=8] [--paced] [--quick]
 * Phases: A = fixed rate with autocannon (overallRate; note autocannon sends each connection's share
 * of a second back to back, so bursts reach full concurrency); with --paced, A2 = the same rate from
 * an open-loop generator (even spacing, latency from each request's scheduled start); B = maximum
 * rate. After each, the time until the backlog of unprocessed deliveries is empty. --quick: 10 s
 * phases. Ends with one JSON line of figures.
 */
import { fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { startStack } from "../scripts/stack";
import { createOrganization } from "../src/server/domain/organizations/create-organization";
import { booleanFlag, machine, numberFlag, pass, round1, sleep, superuserUrl } from "./support/common";
import type { LoadPlan, LoadResult } from "./support/load";
import type { WebhookTarget } from "./support/payloads";
import { reportPeakRss } from "./support/peak-rss";
import { createWebhookNumbers, runLoad } from "./support/webhook-numbers";
import { createRawTables, dropRawTables, processRawEvents } from "./support/raw-baseline";

const QUICK = booleanFlag("quick");
const DURATION = numberFlag("duration", QUICK ? 10 : 60);
const RATE = numberFlag("rate", 1000);
const INSTANCES = numberFlag("instances", 4);
const CONTACTS = numberFlag("contacts", 5000);
const CONNECTIONS = numberFlag("connections", 50);
const RAW_CONCURRENCY = numberFlag("raw-concurrency", 8);
const PACED = booleanFlag("paced");
const DRAIN_TIMEOUT_SECONDS = numberFlag("drain-timeout", 900);
/** Issue #9's targets: same-run ratios to the raw baseline, the fixed-rate ack p99, the burst's drain time. */
const TARGETS = {
  ackP99Ms: 50,
  ingestReqPerSec: 0.6,
  processedMsgPerSec: 0.4,
  drainSeconds: 120,
  processedShareOfRawIngest: 0.4,
};

const env: Record<string, string> = {
  MIRAGE_DATA_DIR: path.resolve(".data/bench"),
  EMBEDDED_PG_PORT: "54359",
  PORT: "3200",
  APP_URL: "http://localhost:3200",
  SIMULATOR_PORT: "8199",
  LOG_LEVEL: "warn",
  // Enables the "Next route + one INSERT" baseline route in the same web server.
  MIRAGE_BENCH_ROUTES: "1",
};
const workerConcurrency = numberFlag("worker-concurrency", 0);
if (workerConcurrency > 0) env.WORKER_CONCURRENCY = String(workerConcurrency);
const RAW_PORT = 3201;
const here = path.dirname(fileURLToPath(import.meta.url));

interface PhaseFigures {
  name: string;
  mode: LoadResult["mode"];
  targetRate: number | null;
  durationSeconds: number;
  reqPerSec: number;
  requests: number;
  ackP50Ms: number;
  ackP90Ms: number;
  ackP99Ms: number;
  ackMaxMs: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Messages written while the load ran, per second of load. */
  processedPerSecDuringLoad: number;
  /** Deliveries still unprocessed when the load stopped. */
  backlogAtEnd: number;
  drainSeconds: number | null;
  /** All messages of the phase over load + drain time: the sustained processing rate. */
  processedPerSecSustained: number;
  messagesWritten: number;
  /** 1-minute load average of the machine before and after the load (others share it). */
  loadAverage: [number, number];
}

async function main() {
  const stack = await startStack({ env, fresh: true, log: (l) => console.log(`[bench] ${l}`) });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void stack.stop().finally(() => process.exit(130)));
  }
  const admin = new pg.Pool({ connectionString: superuserUrl(env.MIRAGE_DATA_DIR!, env.EMBEDDED_PG_PORT!), max: 12 });
  const count = async (sql: string) => Number((await admin.query<{ n: string }>(sql)).rows[0]!.n);
  const messageCount = () => count(`SELECT count(*) AS n FROM messages`);
  const backlog = () => count(`SELECT count(*) AS n FROM webhook_deliveries WHERE processed_at IS NULL`);
  try {
    const { organization, user } = await createOrganization({
      organizationName: "Bench ingestão",
      owner: { name: "Bench", email: "bench-ingestion@example.com", password: "bench-password-123" },
    });
    const actor = { userId: user.id, organizationId: organization.id, role: "owner" as const };
    const ours: WebhookTarget[] = [];
    const raw: WebhookTarget[] = [];
    const nextRaw: WebhookTarget[] = [];
    for (const { instanceId, target } of await createWebhookNumbers(actor, INSTANCES)) {
      const { providerName } = target;
      ours.push(target);
      raw.push({ path: `/raw/${organization.id}/${instanceId}`, headers: {}, providerName });
      nextRaw.push({ path: `/api/bench/raw-intake/${organization.id}/${instanceId}`, headers: {}, providerName });
    }
    console.log(
      `[bench] ${INSTANCES} instances, ${CONTACTS} contacts, ${DURATION} s phases, ${CONNECTIONS} connections`,
    );

    const plan = (overrides: Partial<LoadPlan>): LoadPlan => ({
      mode: "autocannon",
      host: "127.0.0.1",
      port: 3200,
      targets: ours,
      contacts: CONTACTS,
      durationSeconds: DURATION,
      connections: CONNECTIONS,
      seed: Math.floor(Math.random() * 2 ** 31),
      runTag: randomBytes(3).toString("hex").toUpperCase(),
      ...overrides,
    });

    const waitForDrain = async (): Promise<number | null> => {
      const started = performance.now();
      while ((await backlog()) > 0) {
        if (performance.now() - started > DRAIN_TIMEOUT_SECONDS * 1000) return null;
        await sleep(250);
      }
      return (performance.now() - started) / 1000;
    };

    // Warm-up: loads the route, JIT-compiles the hot paths, fills connection pools.
    console.log(`[bench] warm-up…`);
    await runLoad(plan({ mode: "paced", rate: 100, durationSeconds: 3 }));
    await waitForDrain();

    const phase = async (name: string, load: LoadPlan): Promise<PhaseFigures> => {
      console.log(`[bench] phase ${name}: ${load.mode}, ${load.rate ? `${load.rate} req/s` : "maximum rate"}…`);
      const before = await messageCount();
      const loadBefore = round1(os.loadavg()[0]!);
      const started = performance.now();
      const result = await runLoad(load);
      const loadSeconds = (performance.now() - started) / 1000;
      const loadAfter = round1(os.loadavg()[0]!);
      const atEnd = await messageCount();
      const backlogAtEnd = await backlog();
      const drainSeconds = await waitForDrain();
      const after = await messageCount();
      await settle();
      const written = after - before;
      const figures: PhaseFigures = {
        name,
        mode: load.mode,
        targetRate: load.rate ?? null,
        durationSeconds: round1(result.durationSeconds),
        reqPerSec: round1(result.reqPerSec),
        requests: result.requests,
        ackP50Ms: result.latencyMs.p50,
        ackP90Ms: result.latencyMs.p90,
        ackP99Ms: result.latencyMs.p99,
        ackMaxMs: result.latencyMs.max,
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        processedPerSecDuringLoad: round1((atEnd - before) / loadSeconds),
        backlogAtEnd,
        drainSeconds: drainSeconds === null ? null : round1(drainSeconds),
        processedPerSecSustained: round1(written / (loadSeconds + (drainSeconds ?? DRAIN_TIMEOUT_SECONDS))),
        messagesWritten: written,
        loadAverage: [loadBefore, loadAfter],
      };
      console.log(
        `  ${name}: ${figures.reqPerSec} req/s (${figures.requests} requests, non-2xx ${figures.non2xx}, errors ${figures.errors}); ` +
          `ack p50 ${figures.ackP50Ms} ms, p99 ${figures.ackP99Ms} ms, max ${figures.ackMaxMs} ms`,
      );
      console.log(
        `  ${name}: processed ${figures.processedPerSecDuringLoad} msg/s during load, backlog ${backlogAtEnd} at end, ` +
          `drained in ${figures.drainSeconds ?? `>${DRAIN_TIMEOUT_SECONDS}`} s, sustained ${figures.processedPerSecSustained} msg/s ` +
          `(load average ${loadBefore} → ${loadAfter})`,
      );
      return figures;
    };

    // After an overload the web server may still be working through aborted requests: wait until it answers promptly.
    const settle = async () => {
      for (let tries = 0, quick = 0; tries < 120 && quick < 3; tries++) {
        const started = performance.now();
        await fetch(`http://127.0.0.1:${env.PORT}/api/health`).then(
          (r) => r.arrayBuffer(),
          () => null,
        );
        quick = performance.now() - started < 50 ? quick + 1 : 0;
        await sleep(500);
      }
    };

    const phases: PhaseFigures[] = [];
    phases.push(await phase("A", plan({ rate: RATE })));
    if (PACED) phases.push(await phase("A2", plan({ mode: "paced", rate: RATE, connections: 256 })));
    phases.push(await phase("B", plan({})));
    const fixed = phases[0]!;
    const paced = phases.find((p) => p.name === "A2");
    const max = phases.at(-1)!;
    const dead = await count(`SELECT count(*) AS n FROM webhook_deliveries WHERE error IS NOT NULL`);
    // Every stored messages.upsert delivery carries one new message: the two counts must match.
    const stored = await count(`SELECT count(*) AS n FROM webhook_deliveries WHERE event = 'messages.upsert'`);
    const messages = await messageCount();

    // Raw baseline, same cluster and database, tables copied from ours without RLS, FKs or queue.
    console.log(`[bench] raw baseline: ingest (plain http + pg, one INSERT per request)…`);
    await createRawTables(admin);
    const server = fork(path.join(here, "support/raw-server.ts"), [], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      env: {
        ...process.env,
        RAW_DATABASE_URL: superuserUrl(env.MIRAGE_DATA_DIR!, env.EMBEDDED_PG_PORT!),
        RAW_PORT: String(RAW_PORT),
        RAW_POOL_MAX: process.env.DATABASE_POOL_MAX ?? "10",
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once("message", () => resolve());
      server.once("exit", (code) => reject(new Error(`raw server exited with ${code}`)));
    });
    const rawLoadBefore = round1(os.loadavg()[0]!);
    const rawIngest = await runLoad(plan({ port: RAW_PORT, targets: raw }));
    const rawLoadAfter = round1(os.loadavg()[0]!);
    server.kill("SIGTERM");
    console.log(`[bench] Next baseline: ingest (our web server, a route with one INSERT per request)…`);
    await admin.query(`GRANT USAGE ON SCHEMA raw TO mirage; GRANT INSERT ON raw.webhook_deliveries TO mirage`);
    const nextIngest = await runLoad(plan({ targets: nextRaw }));
    console.log(
      `  Next baseline ingest: ${nextIngest.reqPerSec} req/s, ack p50 ${nextIngest.latencyMs.p50} ms, p99 ${nextIngest.latencyMs.p99} ms, non-2xx ${nextIngest.non2xx}`,
    );
    console.log(
      `  raw ingest: ${rawIngest.reqPerSec} req/s, ack p50 ${rawIngest.latencyMs.p50} ms, p99 ${rawIngest.latencyMs.p99} ms, non-2xx ${rawIngest.non2xx} (load average ${rawLoadBefore} → ${rawLoadAfter})`,
    );
    console.log(`[bench] raw baseline: processing (one upsert statement per event, ${RAW_CONCURRENCY} in flight)…`);
    const rawProcessing = await processRawEvents(admin, { concurrency: RAW_CONCURRENCY, maxSeconds: DURATION });
    const rawProcessedPerSec = round1(rawProcessing.messages / rawProcessing.seconds);
    console.log(
      `  raw processing: ${rawProcessedPerSec} msg/s (${rawProcessing.messages} messages in ${round1(rawProcessing.seconds)} s)`,
    );
    await dropRawTables(admin);

    const saturated = (p: PhaseFigures) =>
      p.reqPerSec < RATE * 0.95 ? ", below the target rate: the intake is saturated" : "";
    const ingestRatio = Number((max.reqPerSec / rawIngest.reqPerSec).toFixed(3));
    const nextRatio = Number((max.reqPerSec / nextIngest.reqPerSec).toFixed(3));
    const processedRatio = Number((max.processedPerSecSustained / rawProcessedPerSec).toFixed(3));
    const processedShareOfRawIngest = Number((max.processedPerSecSustained / rawIngest.reqPerSec).toFixed(3));
    const ackOk = fixed.ackP99Ms <= TARGETS.ackP99Ms && fixed.non2xx === 0 && fixed.errors === 0;
    const ingestOk = ingestRatio >= TARGETS.ingestReqPerSec;
    const processedOk = processedRatio >= TARGETS.processedMsgPerSec;
    const drainOk = max.drainSeconds !== null && max.drainSeconds <= TARGETS.drainSeconds;

    console.log("");
    console.log(`Ingestion (${INSTANCES} instances, ${CONTACTS} contacts, ${DURATION} s phases)`);
    console.log(
      `  ack p99 at ${RATE} req/s (autocannon): ${fixed.ackP99Ms} ms (p50 ${fixed.ackP50Ms} ms, achieved ${fixed.reqPerSec} req/s${saturated(fixed)})  target ≤ ${TARGETS.ackP99Ms} ms: ${pass(ackOk)}`,
    );
    if (paced)
      console.log(
        `  ack p99 at ${RATE} req/s (paced, open loop): ${paced.ackP99Ms} ms (p50 ${paced.ackP50Ms} ms, achieved ${paced.reqPerSec} req/s${saturated(paced)})  target ≤ ${TARGETS.ackP99Ms} ms: ${pass(paced.ackP99Ms <= TARGETS.ackP99Ms)}`,
      );
    console.log(
      `  maximum: ours ${max.reqPerSec} req/s vs raw ${rawIngest.reqPerSec} req/s → ratio ${ingestRatio} (Next route + one INSERT: ${nextIngest.reqPerSec} req/s → ours/Next ${nextRatio})`,
    );
    console.log(
      `  processing: ours ${max.processedPerSecSustained} msg/s sustained (${max.processedPerSecDuringLoad} during max load) vs raw ${rawProcessedPerSec} msg/s → ratio ${processedRatio}`,
    );
    console.log(
      `  ratios: ingest ${ingestRatio} (target ≥ ${TARGETS.ingestReqPerSec}: ${pass(ingestOk)}), processing ${processedRatio} (target ≥ ${TARGETS.processedMsgPerSec}: ${pass(processedOk)}), processed / raw ingest ${processedShareOfRawIngest}`,
    );
    console.log(
      `  burst at maximum drained in ${max.drainSeconds ?? "timeout"} s (target ≤ ${TARGETS.drainSeconds} s): ${pass(drainOk)}`,
    );
    console.log(
      `  backlog drain: A ${fixed.drainSeconds ?? "timeout"} s${paced ? `, A2 ${paced.drainSeconds ?? "timeout"} s` : ""}, B ${max.drainSeconds ?? "timeout"} s; deliveries with an error: ${dead}`,
    );
    console.log(
      `  stored deliveries ${stored}, messages ${messages}: ${stored === messages ? "none lost or doubled" : "MISMATCH"}`,
    );

    const figures = {
      benchmark: "ingestion",
      machine: machine(),
      settings: {
        quick: QUICK,
        durationSeconds: DURATION,
        rate: RATE,
        instances: INSTANCES,
        contacts: CONTACTS,
        connections: CONNECTIONS,
        workerConcurrency: Number(process.env.WORKER_CONCURRENCY ?? 4),
        rawConcurrency: RAW_CONCURRENCY,
      },
      phases,
      deliveriesWithError: dead,
      storedDeliveries: stored,
      messages,
      raw: {
        ingestReqPerSec: rawIngest.reqPerSec,
        ingestAckP50Ms: rawIngest.latencyMs.p50,
        ingestAckP99Ms: rawIngest.latencyMs.p99,
        ingestNon2xx: rawIngest.non2xx,
        ingestLoadAverage: [rawLoadBefore, rawLoadAfter],
        processedPerSec: rawProcessedPerSec,
        processedMessages: rawProcessing.messages,
        processedAll: rawProcessing.finished,
        nextRouteIngestReqPerSec: nextIngest.reqPerSec,
        nextRouteIngestAckP50Ms: nextIngest.latencyMs.p50,
        nextRouteIngestAckP99Ms: nextIngest.latencyMs.p99,
        nextRouteIngestNon2xx: nextIngest.non2xx,
      },
      ratios: {
        ingestReqPerSec: ingestRatio,
        processedMsgPerSec: processedRatio,
        processedShareOfRawIngest,
        ingestVsNextRoute: nextRatio,
      },
      targets: TARGETS,
      pass: { ackP99: ackOk, ingest: ingestOk, processed: processedOk, drain: drainOk },
      peakRssMb: reportPeakRss(stack.pids),
    };
    console.log(JSON.stringify(figures));
  } finally {
    await admin.end();
    await stack.stop();
  }
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
