import { existsSync } from "node:fs";
import { startStack, type RunningStack } from "../../scripts/stack";
import { testEnv } from "./test-env";

let stack: RunningStack | null = null;

/** A fresh embedded Postgres, the Evolution simulator, the built web server and a worker, for the whole run. */
export async function setup() {
  if (!existsSync("/usr/bin/chromium")) {
    throw new Error("Chromium is missing for the browser tests: run `apt-get install -y chromium` (as root).");
  }
  stack = await startStack({
    env: testEnv,
    fresh: true,
    // Short delays so tests exercise retries, QR rotation and reconnects without waiting minutes.
    simulatorEnv: { SIMULATOR_WEBHOOK_RETRY_BASE_MS: "200", SIMULATOR_QR_INTERVAL_MS: "3000" },
    log: (line) => console.log(`[test setup] ${line}`),
  });
}

export async function teardown() {
  await stack?.stop();
}
