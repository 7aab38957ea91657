import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { buildIfStale } from "../../scripts/build-if-stale";
import { prepareDatabase } from "../../scripts/prepare-database";
import type { EmbeddedDatabase } from "../../src/server/db/embedded-postgres";
import { testEnv } from "./test-env";

let embedded: EmbeddedDatabase | null = null;
const children: ChildProcess[] = [];

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

/** A fresh embedded Postgres, migrated, plus the built web server and a worker, for the whole run. */
export async function setup() {
  if (!existsSync("/usr/bin/chromium")) {
    throw new Error("Chromium is missing for the browser tests: run `apt-get install -y chromium` (as root).");
  }
  rmSync(testEnv.MIRAGE_DATA_DIR, { recursive: true, force: true });
  Object.assign(process.env, testEnv);
  delete process.env.DATABASE_URL;
  delete process.env.AUTH_SECRET;
  const prepared = await prepareDatabase(() => undefined);
  embedded = prepared.embedded;
  Object.assign(process.env, {
    DATABASE_URL: prepared.settings.DATABASE_URL,
    AUTH_SECRET: prepared.settings.AUTH_SECRET,
    NEXTAUTH_SECRET: prepared.settings.AUTH_SECRET,
    NEXTAUTH_URL: testEnv.APP_URL,
  });

  await buildIfStale((line) => console.log(`[test setup] ${line}`));
  for (const [name, entry] of [
    ["web", "server.ts"],
    ["worker", "src/workers/main.ts"],
  ] as const) {
    const child = spawn(process.execPath, ["--import", "tsx", entry], {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, NODE_ENV: "production", MIRAGE_PROCESS: name },
    });
    children.push(child);
  }
  await waitFor(`${testEnv.APP_URL}/api/health/ready`, 60_000);
}

export async function teardown() {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
        }),
    ),
  );
  await embedded?.stop();
}
