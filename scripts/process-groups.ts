import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

/**
 * Web, worker and simulator as children in process groups of their own (`detached`): a stop signals a
 * child together with whatever it started (node --watch runs the script in a grandchild), and a
 * terminal's Ctrl-C reaches only the supervisor, which stops them in order before Postgres.
 */

const running = new Set<ChildProcess>();

// Last resort when this process ends without a stop (an uncaught error, process.exit in a bench):
// kill what is left rather than leave it holding ports and database connections.
process.on("exit", () => {
  for (const child of running) signalGroup(child, "SIGKILL");
});

export function spawnInGroup(command: string, args: string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true });
  running.add(child);
  return child;
}

export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/**
 * SIGTERM to every child's group, up to `graceMs` for them to finish (the worker its running jobs),
 * then SIGKILL to the groups still there; resolves once every child has exited.
 */
export async function stopGroups(
  children: ChildProcess[],
  graceMs: number,
  log: (line: string) => void = () => undefined,
): Promise<void> {
  await Promise.all(children.map((child) => stopGroup(child, graceMs, log)));
}

async function stopGroup(child: ChildProcess, graceMs: number, log: (line: string) => void) {
  const exited = hasExited(child) ? Promise.resolve() : new Promise<void>((r) => child.once("exit", () => r()));
  if (!hasExited(child)) {
    signalGroup(child, "SIGTERM");
    let timer: NodeJS.Timeout | undefined;
    const inTime = await Promise.race([
      exited.then(() => true),
      new Promise<boolean>((r) => (timer = setTimeout(() => r(false), graceMs))),
    ]);
    clearTimeout(timer);
    if (!inTime) {
      log(`${child.spawnargs.at(-1)} (pid ${child.pid}) did not stop within ${graceMs} ms; killing it`);
      signalGroup(child, "SIGKILL");
      await exited;
    }
  }
  // Whatever the child left behind in its group goes with it.
  signalGroup(child, "SIGKILL");
  running.delete(child);
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}
