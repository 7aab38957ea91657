import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import type { Env } from "../src/env";
import type { EmbeddedDatabase } from "../src/server/db/embedded-postgres";
import { buildIfStale } from "./build-if-stale";
import { prepareDatabase } from "./prepare-database";

export interface StackOptions {
  /** Settings for every process (MIRAGE_DATA_DIR, ports…); merged into process.env. */
  env: Record<string, string>;
  /** Start from an empty data directory. */
  fresh?: boolean;
  /** Extra settings for the simulator process only. */
  simulatorEnv?: Record<string, string>;
  log?: (line: string) => void;
}

export interface RunningStack {
  settings: Env;
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

  const children: ChildProcess[] = [];
  const simulatorEnv = {
    SIMULATOR_API_KEY: settings.evolution.apiKey,
    SIMULATOR_PORT: String(settings.SIMULATOR_PORT),
    ...options.simulatorEnv,
  };
  for (const [name, entry] of [
    ["simulator", "src/simulator/main.ts"],
    ["web", "server.ts"],
    ["worker", "src/workers/main.ts"],
  ] as const) {
    children.push(
      spawn(process.execPath, ["--import", "tsx", entry], {
        stdio: ["ignore", "inherit", "inherit"],
        env: { ...process.env, ...simulatorEnv, NODE_ENV: "production", MIRAGE_PROCESS: name },
      }),
    );
  }
  const stop = async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once("exit", () => resolve());
            child.kill("SIGTERM");
            // A child that hangs on shutdown must not hang the test run with it.
            setTimeout(() => child.kill("SIGKILL"), 15_000).unref();
          }),
      ),
    );
    await embedded?.stop();
  };
  try {
    await waitFor(`${settings.evolution.url}/`, 20_000);
    await waitFor(`http://127.0.0.1:${settings.PORT}/api/health/ready`, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { settings, stop };
}
