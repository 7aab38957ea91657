/**
 * AI benchmark. Part 1: the local engine (nlp.js, no key) over the labelled pt-BR set the project ships
 * (src/server/domain/ai/benchmark-set, written for Mirage by the team): sentiment and label accuracy
 * and macro-F1, and throughput in messages per second. Part 2: whether classification keeps up with
 * ingestion without delaying it — the ingestion bench's webhooks at a fixed rate to two organizations
 * in the same stack, one with AI insights off and one with them on (local engine), webhook ack p99 both
 * ways and the time until every inbound text is classified.
 *   npm run bench:ai -- [--rate=200] [--duration=20] [--instances=2] [--contacts=2000] [--skip-ingestion]
 * Ends with one JSON line of figures.
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startStack } from "../scripts/stack";
import { measureLocalEngine } from "../src/server/domain/ai/measure-local-engine";
import { setFeatureFlag } from "../src/server/domain/flags/set-feature-flag";
import { createOrganization } from "../src/server/domain/organizations/create-organization";
import { booleanFlag, machine, numberFlag, round1, round2, sleep, superuserUrl } from "./support/common";
import type { LoadPlan } from "./support/load";
import { createWebhookNumbers, runLoad } from "./support/webhook-numbers";
import type { WebhookTarget } from "./support/payloads";

const RATE = numberFlag("rate", 200);
const DURATION = numberFlag("duration", 20);
const INSTANCES = numberFlag("instances", 2);
const CONTACTS = numberFlag("contacts", 2000);
const SKIP_INGESTION = booleanFlag("skip-ingestion");
const CLASSIFY_TIMEOUT_SECONDS = numberFlag("classify-timeout", 600);

const env: Record<string, string> = {
  MIRAGE_DATA_DIR: path.resolve(".data/bench-ai"),
  EMBEDDED_PG_PORT: "54369",
  PORT: "3210",
  APP_URL: "http://localhost:3210",
  SIMULATOR_PORT: "8209",
  LOG_LEVEL: "warn",
};

const pct = (value: number) => `${round1(value * 100)}%`;

async function localEngineFigures() {
  const measured = await measureLocalEngine();
  console.log(`Local engine ${measured.engineVersion} on ${measured.messages} labelled messages (pt-BR, some English)`);
  console.log(`  throughput: ${round1(measured.messagesPerSecond)} messages/s (sentiment + label, one after another)`);
  console.log(
    `  sentiment: accuracy ${pct(measured.sentiment.accuracy)}, macro-F1 ${round2(measured.sentiment.macroF1)} ` +
      `(${Object.entries(measured.sentiment.perClass)
        .map(([name, f1]) => `${name} ${round2(f1)}`)
        .join(", ")})`,
  );
  console.log(
    `  label: accuracy ${pct(measured.label.accuracy)}, macro-F1 ${round2(measured.label.macroF1)} ` +
      `(${Object.entries(measured.label.perClass)
        .map(([name, f1]) => `${name} ${round2(f1)}`)
        .join(", ")})`,
  );
  return measured;
}

async function ingestionFigures() {
  const stack = await startStack({ env, fresh: true, log: (l) => console.log(`[bench] ${l}`) });
  const admin = new pg.Pool({ connectionString: superuserUrl(env.MIRAGE_DATA_DIR!, env.EMBEDDED_PG_PORT!), max: 4 });
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await admin.query<{ n: string }>(sql, params)).rows[0]!.n);
  try {
    const organizationWithNumbers = async (name: string, insights: boolean) => {
      const { organization, user } = await createOrganization({
        organizationName: name,
        owner: {
          name: "Bench",
          email: `bench-ai-${insights ? "on" : "off"}@example.com`,
          password: "bench-password-123",
        },
      });
      const actor = { userId: user.id, organizationId: organization.id, role: "owner" as const };
      await setFeatureFlag(actor, { key: "ai.insights", enabled: insights });
      const numbers = await createWebhookNumbers(actor, INSTANCES);
      return { organizationId: organization.id, targets: numbers.map((number) => number.target) };
    };
    const off = await organizationWithNumbers("Bench IA desligada", false);
    const on = await organizationWithNumbers("Bench IA ligada", true);
    const plan = (targets: WebhookTarget[], overrides: Partial<LoadPlan> = {}): LoadPlan => ({
      mode: "paced",
      host: "127.0.0.1",
      port: Number(env.PORT),
      targets,
      contacts: CONTACTS,
      durationSeconds: DURATION,
      connections: 128,
      rate: RATE,
      seed: Math.floor(Math.random() * 2 ** 31),
      runTag: randomBytes(3).toString("hex").toUpperCase(),
      ...overrides,
    });
    const backlog = () => count(`SELECT count(*) AS n FROM webhook_deliveries WHERE processed_at IS NULL`);
    const waitFor = async (done: () => Promise<boolean>, timeoutSeconds: number) => {
      const started = performance.now();
      while (!(await done())) {
        if (performance.now() - started > timeoutSeconds * 1000) return null;
        await sleep(250);
      }
      return (performance.now() - started) / 1000;
    };
    const unclassified = (organizationId: string) =>
      count(
        `SELECT count(*) AS n FROM messages m WHERE m.organization_id = $1 AND m.direction = 'inbound'
           AND m.type = 'text' AND NOT EXISTS (SELECT 1 FROM message_insights i WHERE i.message_id = m.id)`,
        [organizationId],
      );

    console.log(`[bench] warm-up…`);
    await runLoad(plan(off.targets, { rate: 50, durationSeconds: 3 }));
    await runLoad(plan(on.targets, { rate: 50, durationSeconds: 3 }));
    await waitFor(async () => (await backlog()) === 0, 300);
    await waitFor(async () => (await unclassified(on.organizationId)) === 0, CLASSIFY_TIMEOUT_SECONDS);

    const phase = async (name: string, organization: { organizationId: string; targets: WebhookTarget[] }) => {
      console.log(`[bench] phase ${name}: paced ${RATE} req/s for ${DURATION} s…`);
      const loadBefore = round1(os.loadavg()[0]!);
      const started = performance.now();
      const result = await runLoad(plan(organization.targets));
      const drainSeconds = await waitFor(async () => (await backlog()) === 0, 600);
      const classifiedSeconds =
        name === "AI on"
          ? await waitFor(async () => (await unclassified(organization.organizationId)) === 0, CLASSIFY_TIMEOUT_SECONDS)
          : null;
      const loadSeconds = result.durationSeconds;
      const figures = {
        reqPerSec: round1(result.reqPerSec),
        requests: result.requests,
        non2xx: result.non2xx,
        ackP50Ms: result.latencyMs.p50,
        ackP99Ms: result.latencyMs.p99,
        ingestionDrainSeconds: drainSeconds === null ? null : round1(drainSeconds),
        /** After the load stopped, until the last inbound text had its insight. */
        classifiedAfterLoadSeconds: classifiedSeconds === null ? null : round1(classifiedSeconds),
        totalSeconds: round1((performance.now() - started) / 1000),
        loadSeconds: round1(loadSeconds),
        loadAverage: [loadBefore, round1(os.loadavg()[0]!)],
      };
      console.log(
        `  ${name}: ${figures.reqPerSec} req/s, ack p50 ${figures.ackP50Ms} ms, p99 ${figures.ackP99Ms} ms, non-2xx ${figures.non2xx}; ` +
          `ingestion drained ${figures.ingestionDrainSeconds} s after the load` +
          (name === "AI on" ? `, every text classified ${figures.classifiedAfterLoadSeconds} s after the load` : ""),
      );
      return figures;
    };
    const aiOff = await phase("AI off", off);
    const aiOn = await phase("AI on", on);
    const insights = await count(`SELECT count(*) AS n FROM message_insights WHERE organization_id = $1`, [
      on.organizationId,
    ]);
    const classifyRate = round1(insights / (aiOn.loadSeconds + (aiOn.classifiedAfterLoadSeconds ?? 0)));
    console.log("");
    console.log(`Ingestion with AI off vs on (${RATE} req/s, ${DURATION} s, ${INSTANCES} numbers each)`);
    console.log(`  ack p99: off ${aiOff.ackP99Ms} ms, on ${aiOn.ackP99Ms} ms`);
    console.log(
      `  classification: ${insights} insights, ${classifyRate} msg/s sustained (ingestion rate ${aiOn.reqPerSec} req/s)`,
    );
    return { rate: RATE, durationSeconds: DURATION, aiOff, aiOn, insights, classifyRate };
  } finally {
    await admin.end();
    await stack.stop();
  }
}

async function main() {
  const local = await localEngineFigures();
  const ingestion = SKIP_INGESTION ? null : await ingestionFigures();
  console.log(
    JSON.stringify({
      bench: "ai",
      machine: machine(),
      localEngine: {
        version: local.engineVersion,
        messages: local.messages,
        messagesPerSecond: round1(local.messagesPerSecond),
        sentimentAccuracy: round2(local.sentiment.accuracy),
        sentimentMacroF1: round2(local.sentiment.macroF1),
        labelAccuracy: round2(local.label.accuracy),
        labelMacroF1: round2(local.label.macroF1),
      },
      ingestion,
    }),
  );
}

await main();
