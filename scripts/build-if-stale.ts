import { spawn } from "node:child_process";
import { buildIsCurrent, markBuildCurrent } from "./build-fingerprint";

/** Runs `next build` unless the last build was made from exactly these sources. */
export async function buildIfStale(log: (line: string) => void = console.log): Promise<void> {
  if (buildIsCurrent()) return;
  log("Building the web app (next build)…");
  const started = Date.now();
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    child.on("exit", (exitCode, signal) => resolve(signal ? null : exitCode));
  });
  if (code !== 0) throw new Error(`next build failed (${code ?? "interrupted"})`);
  markBuildCurrent();
  log(`Built in ${Math.round((Date.now() - started) / 1000)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildIfStale().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
