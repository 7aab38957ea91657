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

describe("stopGroups", () => {
  it("kills a child that ignores SIGTERM once the grace is over, and what it started", async () => {
    const { child, grandchild } = shellWithGrandchild(true);
    const sleepPid = await grandchild;
    const started = Date.now();
    await stopGroups([child], 500);
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    expect(hasExited(child)).toBe(true);
    await expect.poll(() => processRuns(sleepPid)).toBe(false);
  });

  it("does not wait out the grace for a child that stops on SIGTERM", async () => {
    const { child, grandchild } = shellWithGrandchild(false);
    const sleepPid = await grandchild;
    const started = Date.now();
    await stopGroups([child], 10_000);
    expect(Date.now() - started).toBeLessThan(2_000);
    await expect.poll(() => processRuns(sleepPid)).toBe(false);
  });
});
