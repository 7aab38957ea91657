/**
 * Instances benchmark: 200 simulated numbers. Prints the instance list API's latency and how long a
 * status change takes to reach a connected browser socket, then one JSON line of figures.
 *   node --import tsx bench/instances.ts [--instances 200] [--samples 200]
 */
import path from "node:path";
import { io } from "socket.io-client";
import { startStack } from "../scripts/stack";
import { withOrganization } from "../src/server/db/tenant";
import { createInstance } from "../src/server/domain/instances/create-instance";
import { connectInstance } from "../src/server/domain/instances/connect-instance";
import { createOrganization } from "../src/server/domain/organizations/create-organization";
import { signInOverHttp } from "../tests/support/http-session";
import { simulator } from "../tests/support/simulator-control";
import { reportPeakRss } from "./support/peak-rss";

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const INSTANCES = arg("instances", 200);
const SAMPLES = arg("samples", 200);
const env = {
  MIRAGE_DATA_DIR: path.resolve(".data/bench"),
  EMBEDDED_PG_PORT: "54359",
  PORT: "3200",
  APP_URL: "http://localhost:3200",
  SIMULATOR_PORT: "8199",
  LOG_LEVEL: "warn",
  // The bench measures latency, not the per-member API rate limit.
  RATE_LIMIT_API_PER_MINUTE: "10000000",
};
const base = env.APP_URL;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(1));
}

async function main() {
  const stack = await startStack({
    env,
    fresh: true,
    simulatorEnv: { SIMULATOR_WEBHOOK_RETRY_BASE_MS: "200" },
    log: (l) => console.log(`[bench] ${l}`),
  });
  // Ctrl-C still stops the stack's processes and database.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void stack.stop().finally(() => process.exit(130)));
  }
  try {
    const password = "bench-password-123";
    const { organization, user } = await createOrganization({
      organizationName: "Bench",
      owner: { name: "Bench", email: "bench@example.com", password },
    });
    const actor = { userId: user.id, organizationId: organization.id, role: "owner" as const };
    console.log(`[bench] creating and pairing ${INSTANCES} instances…`);
    const ids: { id: string; providerName: string }[] = [];
    for (let i = 0; i < INSTANCES; i++) {
      const instance = await createInstance(actor, {
        name: `Número ${i + 1}`,
        purpose: "atendimento",
        dailySendLimit: 1000,
      });
      await connectInstance(actor, { instanceId: instance.id });
      const providerName = await withOrganization(
        organization.id,
        async (tx) => (await tx.instance.findUniqueOrThrow({ where: { id: instance.id } })).providerName,
      );
      await simulator.scan(providerName, { phoneNumber: `55119${String(10_000_000 + i).padStart(8, "0")}` });
      ids.push({ id: instance.id, providerName });
    }
    const cookie = await signInOverHttp("bench@example.com", password, base);
    const listOnce = async () => {
      const started = performance.now();
      const response = await fetch(`${base}/api/trpc/instances.list`, { headers: { cookie } });
      const body = (await response.json()) as { result: { data: { json: { instances: { state: string }[] } } } };
      return {
        ms: performance.now() - started,
        open: body.result.data.json.instances.filter((i) => i.state === "open").length,
      };
    };
    for (let waited = 0; (await listOnce()).open < INSTANCES && waited < 120; waited++)
      await new Promise((r) => setTimeout(r, 500));

    const listTimes: number[] = [];
    for (let i = 0; i < SAMPLES; i++) listTimes.push((await listOnce()).ms);

    const socket = io(base, { path: "/socket.io", transports: ["websocket"], extraHeaders: { cookie } });
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", resolve);
      socket.once("connect_error", reject);
    });
    const statusTimes: number[] = [];
    for (let i = 0; i < Math.min(SAMPLES, 100); i++) {
      const target = ids[i % ids.length]!;
      const arrived = new Promise<number>((resolve) => {
        const listener = (event: { instanceId: string; state: string }) => {
          if (event.instanceId !== target.id || event.state !== "connecting") return;
          socket.off("instance.updated", listener);
          resolve(performance.now());
        };
        socket.on("instance.updated", listener);
      });
      const started = performance.now();
      await simulator.drop(target.providerName, 515);
      statusTimes.push((await arrived) - started);
      // Let it come back before the next sample.
      await new Promise((r) => setTimeout(r, 1_700));
    }
    socket.close();

    const figures = {
      benchmark: "instances",
      instances: INSTANCES,
      listSamples: listTimes.length,
      listP50Ms: percentile(listTimes, 50),
      listP95Ms: percentile(listTimes, 95),
      statusSamples: statusTimes.length,
      statusToBrowserP50Ms: percentile(statusTimes, 50),
      statusToBrowserP95Ms: percentile(statusTimes, 95),
      targets: { listP95Ms: 100, statusToBrowserP95Ms: 1000 },
      peakRssMb: reportPeakRss(stack.pids),
    };
    console.log(
      `instance list: p50 ${figures.listP50Ms} ms, p95 ${figures.listP95Ms} ms over ${listTimes.length} calls (${INSTANCES} instances)`,
    );
    console.log(
      `status change → browser socket: p50 ${figures.statusToBrowserP50Ms} ms, p95 ${figures.statusToBrowserP95Ms} ms over ${statusTimes.length} changes`,
    );
    console.log(JSON.stringify(figures));
  } finally {
    await stack.stop();
  }
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
