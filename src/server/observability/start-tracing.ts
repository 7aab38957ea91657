import { createRequire } from "node:module";

const globalForTracing = globalThis as typeof globalThis & {
  mirageTracing?: { shutdown: () => Promise<void> } | null;
};

/**
 * Starts tracing once per process when OTEL_EXPORTER_OTLP_ENDPOINT is set; without it the SDK is never
 * even loaded (no cost). Synchronous on purpose: it must patch http and pg before the entry's other
 * imports evaluate, which a top-level await would not guarantee.
 */
export function startTracing(service: "web" | "worker"): void {
  if (globalForTracing.mirageTracing !== undefined) return;
  globalForTracing.mirageTracing = null;
  if (!process.env.OTEL_EXPORTER_OTLP_ENDPOINT) return;
  const require = createRequire(import.meta.url);
  const { startTracingSdk } = require("./tracing-sdk.ts") as typeof import("./tracing-sdk");
  globalForTracing.mirageTracing = startTracingSdk(service);
}

/** How long a stop waits for the last spans: a collector that is down must not hold the process's exit. */
const FLUSH_BUDGET_MS = 1000;

/** Flushes and stops the exporter (graceful shutdown): spans of the last jobs are not lost. */
export async function stopTracing(): Promise<void> {
  const tracing = globalForTracing.mirageTracing;
  if (!tracing) return;
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, FLUSH_BUDGET_MS);
    timer.unref();
  });
  await Promise.race([tracing.shutdown().catch(() => undefined), budget]);
  clearTimeout(timer);
}
