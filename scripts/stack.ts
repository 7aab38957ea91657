import type { ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import type { Env } from "../src/env";
import type { EmbeddedDatabase } from "../src/server/db/embedded-postgres";
import { closeConnections } from "../src/server/close-connections";
import { buildIfStale } from "./build-if-stale";
import { prepareDatabase } from "./prepare-database";
import { spawnInGroup, stopGroups } from "./process-groups";

export interface StackOptions {
  /** Settings for every process (MIRAGE_DATA_DIR, ports…); merged into process.env. */
  env: Record<string, string>;
  /** Start from an empty data directory. */
  fresh?: boolean;
  /** Extra settings for the simulator process only. */
  simulatorEnv?: Record<string, string>;
  log?: (line: string) => void;
}

export type StackProcess = "simulator" | "web" | "worker";

export interface RunningStack {
  settings: Env;
  /** The stack's processes, for measuring them (peak RSS) and for tests that freeze or kill one. */
  pids: Record<StackProcess, number>;
  /** Stops web, worker and simulator (killing what outlives SHUTDOWN_GRACE_SECONDS), then Postgres. */
  stop(): Promise<void>;
}

async function waitFor(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not become ready in ${timeoutMs} ms`);
}

/**
 * The whole product on this machine for tests and benchmarks: embedded Postgres (migrated), the
 * Evolution simulator, the built web server and a worker, each a real process.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const log = options.log ?? (() => undefined);
  if (options.fresh && options.env.MIRAGE_DATA_DIR)
    rmSync(options.env.MIRAGE_DATA_DIR, { recursive: true, force: true });
  Object.assign(process.env, options.env);
  delete process.env.DATABASE_URL;
  delete process.env.AUTH_SECRET;
  const prepared = await prepareDatabase(log);
  const embedded: EmbeddedDatabase | null = prepared.embedded;
  const settings = prepared.settings;
  Object.assign(process.env, {
    DATABASE_URL: settings.DATABASE_URL,
    AUTH_SECRET: settings.AUTH_SECRET,
    NEXTAUTH_SECRET: settings.AUTH_SECRET,
    NEXTAUTH_URL: settings.APP_URL,
  });
  await buildIfStale(log);

  const children = {} as Record<StackProcess, ChildProcess>;
  const simulatorEnv = {
    SIMULATOR_API_KEY: settings.evolution.apiKey,
    SIMULATOR_PORT: String(settings.SIMULATOR_PORT),
    ...options.simulatorEnv,
  };
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await stopGroups(Object.values(children), settings.SHUTDOWN_GRACE_SECONDS * 1000, log);
      // Benches and tests call domain functions in this process: their pools go before the database.
      await closeConnections();
      await embedded?.stop();
    })());
  for (const [name, entry] of [
    ["simulator", "src/simulator/main.ts"],
    ["web", "server.ts"],
    ["worker", "src/workers/main.ts"],
  ] as const) {
    const child = spawnInGroup(process.execPath, ["--import", "tsx", entry], {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, ...simulatorEnv, NODE_ENV: "production", MIRAGE_PROCESS: name },
    });
    children[name] = child;
    // Nothing restarts a test stack's process: one that dies takes the stack down, rather than leave
    // the rest running against a half stack.
    child.once("exit", (code, signal) => {
      if (stopping) return;
      log(`${name} exited unexpectedly (${code ?? signal}); stopping the stack`);
      void stop().catch((error: Error) => log(error.message));
    });
  }
  try {
    await waitFor(`${settings.evolution.url}/`, 20_000);
    await waitFor(`http://127.0.0.1:${settings.PORT}/api/health/ready`, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  const pids = { simulator: children.simulator.pid!, web: children.web.pid!, worker: children.worker.pid! };
  return { settings, pids, stop };
}
