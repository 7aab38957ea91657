import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";
import { activeTraceId } from "./observability/trace";

/**
 * Correlation ids (request id, job id…) carried through async work and stamped on every line.
 * Kept on globalThis: server.ts and Next's own bundle of this module must share one store.
 */
const globalForLog = globalThis as typeof globalThis & { mirageLogContext?: AsyncLocalStorage<Record<string, string>> };
const context = (globalForLog.mirageLogContext ??= new AsyncLocalStorage<Record<string, string>>());

export function withLogContext<T>(fields: Record<string, string>, run: () => T): T {
  return context.run({ ...context.getStore(), ...fields }, run);
}

export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { process: process.env.MIRAGE_PROCESS ?? "web" },
  timestamp: pino.stdTimeFunctions.isoTime,
  mixin: () => {
    const traceId = activeTraceId();
    return traceId ? { ...context.getStore(), trace_id: traceId } : (context.getStore() ?? {});
  },
  redact: {
    paths: ["password", "*.password", "passwordHash", "*.passwordHash", "headers.cookie", "headers.apikey"],
    remove: true,
  },
});

export type Logger = typeof logger;
