import type { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { hasExited, spawnInGroup, stopGroups } from "../../scripts/process-groups";
import { processRuns } from "../support/process-tree";

/** A shell that starts a `sleep` in the background, prints its pid and waits for it. */
function shellWithGrandchild(ignoreTerm: boolean) {
  const script = `${ignoreTerm ? 'trap "" TERM; ' : ""}sleep 300 & echo $!; wait`;
  const child = spawnInGroup("sh", ["-c", script], { stdio: ["ignore", "pipe", "ignore"] });
  return { child, grandchild: firstLine(child.stdout!).then(Number) };
}

function firstLine(stream: Readable): Promise<string> {
  return new Promise((resolve) => {
    let text = "";
    stream.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes("\n")) resolve(text.split("\n")[0]!);
    });
  });
}

/** Stops such a shell with `graceMs`; how long that took, whether it exited, whether its sleep still runs. */
async function stopShell(options: { ignoreTerm: boolean; graceMs: number }) {
  const { child, grandchild } = shellWithGrandchild(options.ignoreTerm);
  const sleepPid = await grandchild;
  const started = Date.now();
  await stopGroups([child], options.graceMs);
  return { ms: Date.now() - started, exited: hasExited(child), sleepRuns: () => processRuns(sleepPid) };
}

describe("stopGroups", () => {
  it("kills a child that ignores SIGTERM once the grace is over, and what it started", async () => {
    const stopped = await stopShell({ ignoreTerm: true, graceMs: 500 });
    expect(stopped.ms).toBeGreaterThanOrEqual(500);
    expect(stopped.exited).toBe(true);
    await expect.poll(stopped.sleepRuns).toBe(false);
  });

  it("does not wait out the grace for a child that stops on SIGTERM", async () => {
    const stopped = await stopShell({ ignoreTerm: false, graceMs: 10_000 });
    expect(stopped.ms).toBeLessThan(2_000);
    expect(stopped.exited).toBe(true);
    await expect.poll(stopped.sleepRuns).toBe(false);
  });
});
