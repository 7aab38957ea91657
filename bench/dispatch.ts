/**
 * Campaign dispatch benchmark: one campaign over many simulated numbers with generous limits. Prints
 * sends per second (as the simulator received them) and limit violations (per number, any 60 s and
 * 1 h window, checked on the simulator's receive times), then one JSON line of figures.
 *   node --import tsx bench/dispatch.ts [--instances 100] [--contacts 20000] [--seconds 60]
 */
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startStack } from "../scripts/stack";
import { withOrganization } from "../src/server/db/tenant";
import { launchCampaign } from "../src/server/domain/campaigns/launch-campaign";
import { saveCampaign } from "../src/server/domain/campaigns/save-campaign";
import { connectInstance } from "../src/server/domain/instances/connect-instance";
import { createInstance } from "../src/server/domain/instances/create-instance";
import { createOrganization } from "../src/server/domain/organizations/create-organization";
import { simulator } from "../tests/support/simulator-control";
import { reportPeakRss } from "./support/peak-rss";

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const INSTANCES = arg("instances", 100);
const CONTACTS = arg("contacts", 20_000);
const SECONDS = arg("seconds", 60);
const LIMITS = { perMinute: 3000, perHour: 100_000, perDay: 1_000_000, minIntervalSeconds: 0, maxIntervalSeconds: 0 };
const env = {
  MIRAGE_DATA_DIR: path.resolve(".data/bench-dispatch"),
  EMBEDDED_PG_PORT: "54379",
  PORT: "3240",
  APP_URL: "http://localhost:3240",
  SIMULATOR_PORT: "8240",
  LOG_LEVEL: "error",
};

async function main() {
  const stack = await startStack({ env, fresh: true, log: (l) => console.log(`[bench] ${l}`) });
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => void stack.stop().finally(() => process.exit(130)));
  try {
    const { organization, user } = await createOrganization({
      organizationName: "Bench dispatch",
      owner: { name: "Bench", email: "dispatch@example.com", password: "bench-password-123" },
    });
    const actor = { userId: user.id, organizationId: organization.id, role: "owner" as const };
    console.log(`[bench] pairing ${INSTANCES} numbers…`);
    const numbers: { id: string; providerName: string }[] = [];
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
    console.log(`[bench] seeding ${CONTACTS} opted-in contacts…`);
    await admin.query(
      `INSERT INTO contacts (id, organization_id, name, phone_e164, consent_status, consent_legal_basis, consent_updated_at, created_at, updated_at)
       SELECT gen_random_uuid(), $1, 'Cliente ' || g, '+55119' || (30000000 + g), 'opted_in', 'consent', now(), now(), now()
       FROM generate_series(1, $2) g`,
      [organization.id, CONTACTS],
    );
    const campaign = await saveCampaign(actor, {
      name: "Bench",
      legalBasis: "consent",
      audience: { tagIds: [], instanceIds: [], consent: "opted_in", lastInteraction: {}, fields: [] },
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
    const launchMs = performance.now() - launchStarted;
    console.log(
      `[bench] launched (${preflight.eligible} eligible, preflight ${launchMs.toFixed(0)} ms); sending for ${SECONDS} s…`,
    );
    const started = Date.now();
    const progress: { t: number; sent: number }[] = [];
    while (Date.now() - started < SECONDS * 1000) {
      await new Promise((r) => setTimeout(r, 5_000));
      const sent = Number(
        (
          await admin.query("SELECT count(*) FROM campaign_recipients WHERE campaign_id = $1 AND sent_at IS NOT NULL", [
            campaign.id,
          ])
        ).rows[0].count,
      );
      progress.push({ t: (Date.now() - started) / 1000, sent });
      console.log(`[bench] ${progress.at(-1)!.t.toFixed(0)} s: ${sent} sent`);
      if (sent >= preflight.eligible) break;
    }
    // Limits, judged on when the simulator (Evolution) received each send.
    let violations = 0;
    let received = 0;
    for (const number of numbers) {
      const times = (await simulator.sent(number.providerName))
        .map((s) => new Date(s.receivedAt).getTime())
        .sort((a, b) => a - b);
      received += times.length;
      for (let i = 0, j = 0, k = 0; i < times.length; i++) {
        while (times[j]! <= times[i]! - 60_000) j++;
        while (times[k]! <= times[i]! - 3_600_000) k++;
        if (i - j + 1 > LIMITS.perMinute || i - k + 1 > LIMITS.perHour) violations++;
      }
    }
    const elapsed = progress.at(-1)?.t ?? SECONDS;
    const figures = {
      bench: "dispatch",
      machine: {
        cpus: os.cpus().length,
        model: os.cpus()[0]?.model,
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
      },
      instances: INSTANCES,
      contacts: CONTACTS,
      preflightMs: Math.round(launchMs),
      seconds: Number(elapsed.toFixed(1)),
      sent: progress.at(-1)?.sent ?? 0,
      received,
      sendsPerSecond: Number(((progress.at(-1)?.sent ?? 0) / elapsed).toFixed(1)),
      limitViolations: violations,
      targets: { sendsPerSecond: 1000, limitViolations: 0 },
      peakRssMb: reportPeakRss(stack.pids),
    };
    await admin.end();
    console.log(JSON.stringify(figures));
  } finally {
    await stack.stop();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
