import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { loadDotEnv, type Env } from "../src/env";
import { disconnectDb } from "../src/server/db/client";
import type { EmbeddedDatabase } from "../src/server/db/embedded-postgres";
import { ensureInitialAdmin } from "../src/server/domain/setup/ensure-initial-admin";
import { buildIfStale } from "./build-if-stale";
import { isSetupError, prepareDatabase } from "./prepare-database";
import { spawnInGroup, stopGroups } from "./process-groups";

/**
 * `npm start` / `npm run dev`: database (embedded unless DATABASE_URL is set), migrations, first-run
 * seed, build if stale, then the web server and the worker as supervised child processes.
 * SIGINT/SIGTERM stop the children first (the worker finishes its active jobs; what outlives
 * SHUTDOWN_GRACE_SECONDS is killed), then Postgres.
 */
const dev = process.argv.includes("--dev");
const startedAt = Date.now();
const say = (line: string) => console.log(`[mirage] ${line}`);

interface Supervised {
  name: string;
  args: string[];
  child?: ChildProcess;
  crashes: number[];
}

let embedded: EmbeddedDatabase | null = null;
let shutdownGraceMs = 10_000;
let stopping = false;
const supervised: Supervised[] = [];

async function shutdown(exitCode: number) {
  if (stopping) return;
  stopping = true;
  say("Stopping: web and worker first, then the database…");
  const children = supervised.flatMap((proc) => (proc.child ? [proc.child] : []));
  await stopGroups(children, shutdownGraceMs, say);
  await embedded?.stop().catch((error: Error) => say(error.message));
  say("Stopped.");
  process.exit(exitCode);
}

function launch(proc: Supervised) {
  // Node itself (no npx/tsx wrapper in between), so signals reach the process that must handle them.
  const child = spawnInGroup(process.execPath, proc.args, {
    stdio: "inherit",
    env: { ...process.env, MIRAGE_PROCESS: proc.name },
  });
  proc.child = child;
  child.on("exit", (code, signal) => {
    if (stopping) return;
    void stopGroups([child], 0); // what the crashed process left in its group
    // A crash is restarted with growing delays; more than five in a minute stops everything.
    const now = Date.now();
    proc.crashes = proc.crashes.filter((t) => now - t < 60_000).concat(now);
    if (proc.crashes.length > 5) {
      say(`${proc.name} keeps crashing (last exit ${code ?? signal}); stopping Mirage.`);
      void shutdown(1);
      return;
    }
    const delay = 500 * 2 ** (proc.crashes.length - 1);
    say(`${proc.name} exited (${code ?? signal}); restarting in ${delay} ms`);
    setTimeout(() => !stopping && launch(proc), delay);
  });
}

async function main() {
  // Registered first: a Ctrl-C at any point (even mid-build) still ends with Postgres stopped.
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  loadDotEnv();
  (process.env as Record<string, string>).NODE_ENV ||= dev ? "development" : "production";

  const prepared = await prepareDatabase(say, (database) => {
    embedded = database;
  });
  embedded = prepared.embedded;
  const settings = prepared.settings;
  shutdownGraceMs = settings.SHUTDOWN_GRACE_SECONDS * 1000;
  if (stopping) return;
  // Children get the resolved settings, so they never race to create secrets or guess the URL.
  Object.assign(process.env, {
    DATABASE_URL: settings.DATABASE_URL,
    AUTH_SECRET: settings.AUTH_SECRET,
    NEXTAUTH_SECRET: settings.AUTH_SECRET,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? settings.APP_URL,
  });
  await seedFirstRun(settings);
  if (!dev) await buildIfStale(say);
  if (stopping) return;

  supervised.push(
    { name: "web", args: ["--import", "tsx", "server.ts", ...(dev ? ["--dev"] : [])], crashes: [] },
    { name: "worker", args: [...(dev ? ["--watch"] : []), "--import", "tsx", "src/workers/main.ts"], crashes: [] },
  );
  if (settings.evolution.isSimulator) {
    // No EVOLUTION_API_URL: the bundled simulator stands in for Evolution API (a "Simulador" badge shows it).
    Object.assign(process.env, {
      SIMULATOR_API_KEY: settings.evolution.apiKey,
      SIMULATOR_PORT: String(settings.SIMULATOR_PORT),
      SIMULATOR_STATE_FILE: path.join(settings.dataDir, "simulator.json"),
    });
    supervised.push({ name: "simulator", args: ["--import", "tsx", "src/simulator/main.ts"], crashes: [] });
  }
  supervised.forEach(launch);
  if (await waitForHealth(`http://127.0.0.1:${settings.PORT}/api/health`)) {
    say(`Mirage is running at ${settings.APP_URL} (ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s)`);
    if (settings.evolution.isSimulator) {
      say(
        `Evolution API: simulator at ${settings.evolution.url} (control page ${settings.evolution.url}/_control, apikey in ${path.join(settings.dataDir, "secrets.json")})`,
      );
    } else {
      say(`Evolution API: ${settings.evolution.url}`);
    }
  }
}

async function seedFirstRun(settings: Env) {
  const admin = await ensureInitialAdmin({
    email: settings.ADMIN_EMAIL,
    password: settings.ADMIN_PASSWORD,
    name: settings.ADMIN_NAME,
    organizationName: settings.ORGANIZATION_NAME,
  });
  await disconnectDb();
  // Printed at once: a generated password exists nowhere else.
  if (admin.created) {
    say("First start: sign in with");
    say(`  e-mail: ${admin.email}`);
    say(
      `  senha:  ${admin.passwordWasGenerated ? `${admin.password}   (generated; shown only now — change it after signing in)` : "(ADMIN_PASSWORD)"}`,
    );
  }
}

async function waitForHealth(url: string): Promise<boolean> {
  for (let attempt = 0; attempt < 600 && !stopping; attempt++) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (!stopping) say(`The web server did not answer ${url}; see the log lines above.`);
  return false;
}

main().catch(async (error) => {
  const known = isSetupError(error);
  console.error(`mirage: ${known ? error.message : (error as Error).stack}`);
  await shutdown(1);
});
