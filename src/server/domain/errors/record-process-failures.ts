import type { ErrorSource } from "../../db/generated/enums";
import { logger } from "../../logger";
import { flushSentry } from "./forward-to-sentry";
import { recordError } from "./record-error";

/** How long a crashing process waits for its error to be stored before it exits anyway. */
const CRASH_RECORD_BUDGET_MS = 2_000;

/**
 * Tracks what nothing else caught in this process. A rejected promise nobody awaited is recorded and the
 * process goes on (its work is retried by its job or request); an uncaught exception leaves the process in
 * an unknown state, so it is recorded and the process exits as Node would have.
 */
export function recordProcessFailures(source: Extract<ErrorSource, "web" | "worker">): void {
  process.on("unhandledRejection", (reason) => {
    logger.error({ err: reason }, "unhandled rejection");
    void recordError({ source, error: reason, context: { kind: "unhandledRejection" } });
  });
  process.on("uncaughtException", (error, origin) => {
    logger.fatal({ err: error, origin }, "uncaught exception");
    const recorded = recordError({ source, error, context: { kind: origin } }).then(() => flushSentry());
    const budget = new Promise((resolve) => setTimeout(resolve, CRASH_RECORD_BUDGET_MS).unref());
    void Promise.race([recorded, budget]).finally(() => process.exit(1));
  });
}
