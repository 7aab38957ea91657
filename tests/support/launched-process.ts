import { spawn } from "node:child_process";
import { descendants } from "./process-tree";

/** A Mirage entry point run as a real child process (node --import tsx), its output collected. */
export function launch(entry: string, env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ["--import", "tsx", entry], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const collect = (chunk: Buffer) => (output += chunk.toString("utf8"));
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    output: () => output,
    async waitForOutput(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const match = pattern.exec(output);
        if (match) return match;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`no ${pattern} within ${timeoutMs} ms; output:\n${output}`);
    },
    /** Its exit code, or "still running" after `timeoutMs`. */
    exitWithin: (timeoutMs: number) =>
      Promise.race([exited, new Promise<"still running">((r) => setTimeout(() => r("still running"), timeoutMs))]),
    /** For cleanup after a failed assertion: nothing it started outlives the test. */
    killAll() {
      for (const pid of [...descendants(child.pid!), child.pid!]) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
    },
  };
}

export type LaunchedProcess = ReturnType<typeof launch>;
