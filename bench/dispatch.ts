/**
 * Campaign dispatch benchmark over many simulated numbers with generous limits, in three phases on the
 * same stack and simulator:
 *   raw     one sendText + one INSERT per recipient at the engine's concurrency (the floor of the cost);
 *   engine  the campaign engine with the simulator's webhooks to Mirage switched off (sending alone);
 *   full    the whole loop: sends, and their echoes and acks ingested by Mirage.
 * Limit violations are judged per number on the simulator's receive times in every 1 s, 60 s and 1 h
 * window. Prints figures, then one JSON line.
 *   node --import tsx bench/dispatch.ts [--instances 100] [--contacts 10000] [--seconds 45]
 */
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startStack } from "../scripts/stack";
import { withOrganization } from "../src/server/db/tenant";
import { uuid7 } from "../src/server/db/uuid7";
import { DISPATCH_CONCURRENCY } from "../src/server/domain/campaigns/run-campaign-dispatch";
import { controlCampaign } from "../src/server/domain/campaigns/control-campaign";
import { launchCampaign } from "../src/server/domain/campaigns/launch-campaign";
import { saveCampaign } from "../src/server/domain/campaigns/save-campaign";
import { connectInstance } from "../src/server/domain/instances/connect-instance";
import { createInstance } from "../src/server/domain/instances/create-instance";
import { createOrganization } from "../src/server/domain/organizations/create-organization";
import { simulator } from "../tests/support/simulator-control";
import { superuserUrl } from "./support/common";
import { reportPeakRss } from "./support/peak-rss";

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const INSTANCES = arg("instances", 100);
const CONTACTS = arg("contacts", 10_000);
const SECONDS = arg("seconds", 45);
const LIMITS = { perMinute: 3000, perHour: 100_000, perDay: 1_000_000, minIntervalSeconds: 0, maxIntervalSeconds: 0 };
const env = {
  MIRAGE_DATA_DIR: path.resolve(".data/bench-dispatch"),
  EMBEDDED_PG_PORT: "54379",
  PORT: "3240",
  APP_URL: "http://localhost:3240",
  SIMULATOR_PORT: "8240",
  LOG_LEVEL: "error",
};

type Number_ = { id: string; providerName: string };
type Actor = { userId: string; organizationId: string; role: "owner" };

async function main() {
  const stack = await startStack({ env, fresh: true, log: (l) => console.log(`[bench] ${l}`) });
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => void stack.stop().finally(() => process.exit(130)));
  try {
    const { organization, user } = await createOrganization({
      organizationName: "Bench dispatch",
      owner: { name: "Bench", email: "dispatch@example.com", password: "bench-password-123" },
    });
    const actor: Actor = { userId: user.id, organizationId: organization.id, role: "owner" };
    console.log(`[bench] pairing ${INSTANCES} numbers…`);
    const numbers: Number_[] = [];
    for (let i = 0; i < INSTANCES; i++) {
      const instance = await createInstance(actor, {
        name: `Número ${i + 1}`,
        purpose: "campanhas",
        dailySendLimit: 1_000_000,
      });
      await connectInstance(actor, { instanceId: instance.id });
      const { providerName } = await withOrganization(organization.id, (tx) =>
        tx.instance.findUniqueOrThrow({ where: { id: instance.id } }),
      );
      await simulator.scan(providerName, { phoneNumber: `55119${String(20_000_000 + i)}` });
      numbers.push({ id: instance.id, providerName });
    }
    const admin = new pg.Client({ connectionString: stack.settings.DATABASE_URL });
    await admin.connect();
    // The app role sees rows only for the organization set on the connection (Row-Level Security).
    await admin.query("SELECT set_config('mirage.organization_id', $1, false)", [organization.id]);
    while (Number((await admin.query("SELECT count(*) FROM instances WHERE state = 'open'")).rows[0].count) < INSTANCES)
      await new Promise((r) => setTimeout(r, 200));
    const tags: Record<"engine" | "full", string> = { engine: uuid7(), full: uuid7() };
    for (const [index, [name, tagId]] of Object.entries(tags).entries()) {
      console.log(`[bench] seeding ${CONTACTS} opted-in contacts for the ${name} phase…`);
      await admin.query(
        `INSERT INTO tags (id, organization_id, name, color, created_at) VALUES ($1, $2, $3, 'blue', now())`,
        [tagId, organization.id, `bench-${name}`],
      );
      await admin.query(
        `WITH c AS (
           INSERT INTO contacts (id, organization_id, name, phone_e164, consent_status, consent_legal_basis, consent_updated_at, created_at, updated_at)
           SELECT gen_random_uuid(), $1, 'Cliente ' || g, '+55119' || ($3::int + g), 'opted_in', 'consent', now(), now(), now()
           FROM generate_series(1, $2) g RETURNING id)
         INSERT INTO contact_tags (contact_id, tag_id, organization_id, created_at) SELECT id, $4, $1, now() FROM c`,
        [organization.id, CONTACTS, 30_000_000 + index * 1_000_000, tagId],
      );
    }

    await simulator.webhooks({ off: true });
    const cpu0 = cpuSeconds();
    const raw = await rawPhase(stack.settings, numbers);
    const cpu1 = cpuSeconds();
    const cpuRaw = raw.cpu;
    console.log(`[bench] raw: ${raw.sends} sends in ${raw.seconds.toFixed(1)} s = ${raw.perSecond.toFixed(1)}/s`);
    const engine = await campaignPhase(actor, admin, numbers, tags.engine, "engine");
    const cpu2 = cpuSeconds();
    await simulator.webhooks({ off: false });
    const full = await campaignPhase(actor, admin, numbers, tags.full, "full");
    const cpu3 = cpuSeconds();
    // Where the time goes: CPU seconds per 1,000 sends, per process, in each phase.
    const cpuPer1000Sends = {
      raw: cpuPerThousand(cpu0, cpuRaw, raw.sends),
      engine: cpuPerThousand(cpu1, cpu2, engine.sent),
      full: cpuPerThousand(cpu2, cpu3, full.sent),
    };
    console.log(`[bench] CPU seconds per 1,000 sends: ${JSON.stringify(cpuPer1000Sends)}`);

    // Limits, judged on when the simulator (Evolution) received each campaign send.
    let violations = 0;
    let received = 0;
    const windows = [
      { ms: 1_000, limit: LIMITS.minIntervalSeconds > 0 ? Math.ceil(1 / LIMITS.minIntervalSeconds) : LIMITS.perMinute },
      { ms: 60_000, limit: LIMITS.perMinute },
      { ms: 3_600_000, limit: LIMITS.perHour },
    ];
    for (const number of numbers) {
      const times = (await simulator.sent(number.providerName))
        .filter((s) => s.text?.startsWith("Olá"))
        .map((s) => new Date(s.receivedAt).getTime())
        .sort((a, b) => a - b);
      received += times.length;
      for (const window of windows)
        for (let i = 0, j = 0; i < times.length; i++) {
          while (times[j]! <= times[i]! - window.ms) j++;
          if (i - j + 1 > window.limit) violations++;
        }
    }
    const figures = {
      bench: "dispatch",
      machine: {
        cpus: os.cpus().length,
        model: os.cpus()[0]?.model,
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        loadAverage: os.loadavg().map((l) => Number(l.toFixed(1))),
      },
      instances: INSTANCES,
      contacts: CONTACTS,
      concurrency: DISPATCH_CONCURRENCY,
      preflightMs: full.preflightMs,
      seconds: full.seconds,
      sent: full.sent,
      received,
      sendsPerSecond: full.perSecond,
      engineSeconds: engine.seconds,
      engineSent: engine.sent,
      engineSendsPerSecond: engine.perSecond,
      rawSends: raw.sends,
      rawSendsPerSecond: Number(raw.perSecond.toFixed(1)),
      engineToRaw: Number((engine.perSecond / raw.perSecond).toFixed(2)),
      limitViolations: violations,
      cpuPer1000Sends,
      targets: { engineSendsPerSecond: 1000, engineToRaw: 0.5, sendsPerSecond: 300, limitViolations: 0 },
      peakRssMb: reportPeakRss(stack.pids),
    };
    await admin.end();
    console.log(JSON.stringify(figures));
  } finally {
    await stack.stop();
  }
}

/** One campaign over the contacts of a tag: sends per second until all are sent or time is up. */
async function campaignPhase(actor: Actor, admin: pg.Client, numbers: Number_[], tagId: string, name: string) {
  const campaign = await saveCampaign(actor, {
    name: `Bench ${name}`,
    legalBasis: "consent",
    audience: { tagIds: [tagId], instanceIds: [], consent: "opted_in", lastInteraction: {}, fields: [] },
    variants: [{ body: "Olá, {{primeiro_nome}}! Temos novidades para você." }],
    instanceIds: numbers.map((n) => n.id),
    limits: LIMITS,
    schedule: {
      startAt: new Date(Date.now() - 60_000).toISOString(),
      weekdays: [0, 1, 2, 3, 4, 5, 6],
      from: "00:00",
      to: "24:00",
      skipHolidays: false,
    },
    recentContactDays: 0,
    thresholds: { failureRate: 0.9, optOutRate: 0.9, minSample: 1_000_000 },
  });
  const launchStarted = performance.now();
  const preflight = await launchCampaign(actor, { campaignId: campaign.id });
  const preflightMs = Math.round(performance.now() - launchStarted);
  console.log(`[bench] ${name}: launched (${preflight.eligible} eligible, preflight ${preflightMs} ms); sending…`);
  const started = performance.now();
  let sent = 0;
  let lastReport = 0;
  while (performance.now() - started < SECONDS * 1000) {
    await new Promise((r) => setTimeout(r, 250));
    sent = Number(
      (
        await admin.query("SELECT count(*) FROM campaign_recipients WHERE campaign_id = $1 AND sent_at IS NOT NULL", [
          campaign.id,
        ])
      ).rows[0].count,
    );
    const t = (performance.now() - started) / 1000;
    if (t - lastReport >= 5) {
      lastReport = t;
      console.log(`[bench] ${name}: ${t.toFixed(0)} s: ${sent} sent`);
    }
    if (sent >= preflight.eligible) break;
  }
  const seconds = (performance.now() - started) / 1000;
  await controlCampaign(actor, { campaignId: campaign.id, action: "cancel" }).catch(() => undefined);
  const perSecond = Number((sent / seconds).toFixed(1));
  console.log(`[bench] ${name}: ${sent} sent in ${seconds.toFixed(1)} s = ${perSecond}/s`);
  return { sent, seconds: Number(seconds.toFixed(1)), perSecond, preflightMs };
}

/**
 * The floor: per recipient one sendText to the same simulator and one INSERT of the result, with the
 * engine's concurrency, spread over the numbers like the engine does. No Mirage code involved.
 */
async function rawPhase(settings: { evolution: { url: string; apiKey: string } }, numbers: Number_[]) {
  const pool = new pg.Pool({ connectionString: superuserUrl(env.MIRAGE_DATA_DIR, env.EMBEDDED_PG_PORT), max: 10 });
  await pool.query("DROP TABLE IF EXISTS bench_raw_sends");
  await pool.query(
    "CREATE TABLE bench_raw_sends (id uuid PRIMARY KEY, instance text NOT NULL, recipient text NOT NULL, provider_message_id text NOT NULL, sent_at timestamptz NOT NULL)",
  );
  const base = settings.evolution.url.replace(/\/+$/, "");
  let next = 0;
  let sends = 0;
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  const lane = async () => {
    while (performance.now() < deadline) {
      const index = next++;
      if (index >= CONTACTS) return;
      const number = numbers[index % numbers.length]!;
      const to = `55119${String(40_000_000 + index)}`;
      const response = await fetch(`${base}/message/sendText/${encodeURIComponent(number.providerName)}`, {
        method: "POST",
        headers: { apikey: settings.evolution.apiKey, "content-type": "application/json" },
        body: JSON.stringify({ number: to, text: `raw ${index}` }),
      });
      const body = (await response.json()) as { key: { id: string } };
      await pool.query("INSERT INTO bench_raw_sends VALUES ($1, $2, $3, $4, now())", [
        uuid7(),
        number.providerName,
        to,
        body.key.id,
      ]);
      sends++;
    }
  };
  await Promise.all(Array.from({ length: DISPATCH_CONCURRENCY }, lane));
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuSeconds(); // before the pool's backends exit
  await pool.query("DROP TABLE bench_raw_sends");
  await pool.end();
  return { sends, seconds, perSecond: sends / seconds, cpu };
}

/**
 * CPU seconds used so far by each part of this stack, from /proc: its Postgres (postmaster, live
 * backends, and the backends it reaped), the processes the stack spawned (simulator, web, worker) and
 * this process (the raw phase's client, and the polling).
 */
function cpuSeconds(): Record<string, number> {
  const ticks = 100; // USER_HZ
  const procs = readdirSync("/proc").flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const args = readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ");
      const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i]) / ticks);
      return [{ pid: Number(entry), ppid: Number(fields[1]), own: utime! + stime!, reaped: cutime! + cstime!, args }];
    } catch {
      return []; // exited meanwhile
    }
  });
  const postmaster = procs.find((p) => p.args.includes(path.join(env.MIRAGE_DATA_DIR, "postgres")));
  const parts: Record<string, number> = { postgres: 0, simulator: 0, web: 0, worker: 0 };
  const spawned = { simulator: "src/simulator/main.ts", web: "server.ts", worker: "src/workers/main.ts" };
  for (const p of procs) {
    if (postmaster && p.pid === postmaster.pid) parts.postgres! += p.own + p.reaped;
    else if (postmaster && p.ppid === postmaster.pid) parts.postgres! += p.own;
    else if (p.ppid === process.pid)
      for (const [part, entry] of Object.entries(spawned)) if (p.args.includes(entry)) parts[part]! += p.own;
  }
  const own = process.cpuUsage();
  parts.bench = (own.user + own.system) / 1e6;
  return parts;
}

/** CPU seconds per part between two readings, per 1,000 sends. */
function cpuPerThousand(before: Record<string, number>, after: Record<string, number>, sends: number) {
  return Object.fromEntries(
    Object.keys(after).map((part) => [
      part,
      Number((((after[part]! - (before[part] ?? 0)) * 1000) / Math.max(sends, 1)).toFixed(2)),
    ]),
  );
}

// Exits explicitly: the domain functions it called keep their pools open.
void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
