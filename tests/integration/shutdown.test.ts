import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { childEnv } from "../support/child-env";
import { commandLine, descendants, processRuns, processState } from "../support/process-tree";
import { testPort } from "../support/test-env";

/**
 * A stack whose web server hangs (SIGSTOP: it never sees SIGTERM) is still torn down: the supervisor
 * kills it after the grace period, stops Postgres after it, and exits. Real processes throughout.
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

function launch(entry: string, env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ["--import", "tsx", entry], { env, stdio: ["ignore", "pipe", "pipe"] });
  // Should an assertion fail midway, nothing of this test outlives it.
  cleanups.push(() => {
    for (const pid of [...descendants(child.pid!), child.pid!]) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  });
  let output = "";
  const collect = (chunk: Buffer) => (output += chunk.toString("utf8"));
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForOutput(output: () => string, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = pattern.exec(output());
    if (match) return match;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${pattern} within ${timeoutMs} ms; output:\n${output()}`);
}

function postmasterPid(dataDir: string): number {
  return Number(readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
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

/** Freezes `webPid`, sends `signal` to the supervisor and checks that everything it started is gone. */
async function expectTornDown(
  supervisor: { child: ChildProcess; output: () => string; exited: Promise<number | null> },
  webPid: number,
  pgPort: string,
  signal: NodeJS.Signals,
) {
  const tree = descendants(supervisor.child.pid!);
  process.kill(webPid, "SIGSTOP");
  await expect.poll(() => processState(webPid), { timeout: 2_000 }).toBe("T"); // the signal lands asynchronously

  const started = Date.now();
  supervisor.child.kill(signal);
  const code = await Promise.race([
    supervisor.exited,
    new Promise<"still running">((r) => setTimeout(() => r("still running"), STOP_BOUND_MS)),
  ]);
  const stopMs = Date.now() - started;
  console.log(`[shutdown test] stopped in ${stopMs} ms (web frozen, grace ${GRACE_SECONDS} s)`);

  expect(code, supervisor.output()).toBe(0);
  expect(stopMs).toBeGreaterThanOrEqual(GRACE_SECONDS * 1000); // the hung web server got its grace
  expect(supervisor.output()).toMatch(new RegExp(`server\\.ts \\(pid ${webPid}\\) did not stop within`));
  expect(tree.filter(processRuns).map((pid) => `${pid} ${commandLine(pid)}`)).toEqual([]);
  expect(await portRefuses(pgPort)).toBe(true);
}

describe("shutdown with a hung web server", () => {
  it("npm start: Ctrl-C kills the frozen web server after the grace, then stops Postgres and exits", async () => {
    const { dataDir, env } = ownStack({ pg: 54357, web: 3157, simulator: 8157 });
    const start = launch("scripts/start.ts", childEnv(env));
    await waitForOutput(start.output, /Mirage is running/, 50_000);
    const web = descendants(start.child.pid!).find((pid) => commandLine(pid).includes("server.ts"));
    expect(web, start.output()).toBeDefined();
    const postgres = postmasterPid(dataDir);
    expect(descendants(start.child.pid!)).toContain(postgres);

    await expectTornDown(start, web!, env.EMBEDDED_PG_PORT, "SIGINT");
    expect(start.output()).toContain("[mirage] Stopped.");
  }, 80_000);

  it("a test or bench stack: stop() kills the frozen web server, then Postgres, and its process exits by itself", async () => {
    const { env } = ownStack({ pg: 54358, web: 3158, simulator: 8158 });
    const runner = launch("tests/support/stack-runner.ts", childEnv({ STACK_ENV: JSON.stringify(env) }));
    const pids = JSON.parse((await waitForOutput(runner.output, /^ready (.*)$/m, 50_000))[1]!) as {
      web: number;
    };

    await expectTornDown(runner, pids.web, env.EMBEDDED_PG_PORT, "SIGTERM");
    expect(runner.output()).toMatch(/^stopped$/m);
  }, 80_000);
});
