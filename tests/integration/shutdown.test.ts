import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { childEnv } from "../support/child-env";
import { launch, type LaunchedProcess } from "../support/launched-process";
import { commandLine, descendants, processRuns, processState } from "../support/process-tree";
import { testPort } from "../support/test-env";

/**
 * Whatever happens to one process, a stop ends them all: a web server that hangs (SIGSTOP: it never
 * sees SIGTERM) is killed after the grace period, a worker that dies takes its stack down, Postgres
 * stops after the others, and the supervisor exits. Real processes throughout.
 */
const GRACE_SECONDS = 2;
/** Grace, then the worker's and simulator's own stop, Postgres' fast shutdown and process exit. */
const STOP_BOUND_MS = GRACE_SECONDS * 1000 + 15_000;

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** Settings for a stack of its own: a fresh data dir and ports of a base no other stack uses. */
function ownStack(base: { pg: number; web: number; simulator: number }) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "mirage-shutdown-"));
  chmodSync(dataDir, 0o755); // as root, postgres runs as its own user and must reach the folder
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  return {
    dataDir,
    env: {
      MIRAGE_DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: testPort(base.pg),
      PORT: testPort(base.web),
      APP_URL: `http://localhost:${testPort(base.web)}`,
      SIMULATOR_PORT: testPort(base.simulator),
      SHUTDOWN_GRACE_SECONDS: String(GRACE_SECONDS),
      LOG_LEVEL: "warn",
    },
  };
}

function launchOwned(entry: string, env: NodeJS.ProcessEnv): LaunchedProcess {
  const launched = launch(entry, env);
  cleanups.unshift(() => launched.killAll()); // before its data dir is removed
  return launched;
}

/** The stack runner (tests/support/stack-runner.ts) once its stack is up, with the stack's pids. */
async function startStackRunner(env: Record<string, string>) {
  const runner = launchOwned("tests/support/stack-runner.ts", childEnv({ STACK_ENV: JSON.stringify(env) }));
  const ready = await runner.waitForOutput(/^ready (.*)$/m, 50_000);
  return { runner, pids: JSON.parse(ready[1]!) as { web: number; worker: number } };
}

function portRefuses(port: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port: Number(port) });
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });
}

async function freeze(pid: number) {
  process.kill(pid, "SIGSTOP");
  await expect.poll(() => processState(pid), { timeout: 2_000 }).toBe("T"); // the signal lands asynchronously
}

/** Runs `trigger`, then expects the supervisor to exit 0 in time with every process it started gone. */
async function expectTornDown(supervisor: LaunchedProcess, pgPort: string, trigger: () => void): Promise<number> {
  const tree = descendants(supervisor.child.pid!);
  const started = Date.now();
  trigger();
  const code = await supervisor.exitWithin(STOP_BOUND_MS);
  const stopMs = Date.now() - started;
  console.log(`[shutdown test] torn down in ${stopMs} ms (grace ${GRACE_SECONDS} s)`);
  expect(code, supervisor.output()).toBe(0);
  expect(tree.filter(processRuns).map((pid) => `${pid} ${commandLine(pid)}`)).toEqual([]);
  expect(await portRefuses(pgPort)).toBe(true);
  return stopMs;
}

const killedAfterGrace = (pid: number) => new RegExp(`\\(pid ${pid}\\) did not stop within`);
const anyKilledAfterGrace = /\(pid \d+\) did not stop within/g;

describe("shutdown", () => {
  it("npm start: Ctrl-C with a frozen web server kills it after the grace, stops the rest and Postgres, exits", async () => {
    const { dataDir, env } = ownStack({ pg: 54357, web: 3157, simulator: 8157 });
    const start = launchOwned("scripts/start.ts", childEnv(env));
    await start.waitForOutput(/Mirage is running/, 50_000);
    const web = descendants(start.child.pid!).find((pid) => commandLine(pid).includes("server.ts"))!;
    const postgres = Number(readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
    expect(descendants(start.child.pid!)).toContain(postgres);
    await freeze(web);

    const stopMs = await expectTornDown(start, env.EMBEDDED_PG_PORT, () => start.child.kill("SIGINT"));
    expect(stopMs).toBeGreaterThanOrEqual(GRACE_SECONDS * 1000); // the hung web server got its grace
    expect(start.output()).toMatch(killedAfterGrace(web));
    // Only the frozen one was killed: worker and simulator stopped by themselves within the grace.
    expect(start.output().match(anyKilledAfterGrace)).toHaveLength(1);
    expect(start.output()).toContain("[mirage] Stopped.");
  }, 80_000);

  it("a test or bench stack: stop() with a frozen web server kills it, stops Postgres, and its process exits by itself", async () => {
    const { env } = ownStack({ pg: 54358, web: 3158, simulator: 8158 });
    const { runner, pids } = await startStackRunner(env);
    await freeze(pids.web);

    await expectTornDown(runner, env.EMBEDDED_PG_PORT, () => runner.child.kill("SIGTERM"));
    expect(runner.output()).toMatch(killedAfterGrace(pids.web));
    expect(runner.output()).toMatch(/^stopped$/m);
  }, 80_000);

  it("a test or bench stack: a worker that dies takes the rest of the stack and Postgres down", async () => {
    const { env } = ownStack({ pg: 54356, web: 3156, simulator: 8156 });
    const { runner, pids } = await startStackRunner(env);

    await expectTornDown(runner, env.EMBEDDED_PG_PORT, () => process.kill(pids.worker, "SIGKILL"));
    expect(runner.output()).toMatch(/worker exited unexpectedly \(SIGKILL\); stopping the stack/);
    expect(runner.output().match(anyKilledAfterGrace)).toBeNull();
  }, 80_000);
});
