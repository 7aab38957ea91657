import { hostname } from "node:os";
import { logger } from "../../logger";
import { claimProfile, sweepProfiles } from "./claim-profile";
import { recordProfile } from "./record-profile";

/** A new request waits at most this long to be seen; one indexed read per process per tick. */
const POLL_MS = 2_000;
const SWEEP_EVERY_MS = 15 * 60_000;

/**
 * Lets this process be profiled on request: it polls for waiting requests of its kind and records them one
 * after another, never two at once (one inspector session, and a second profile would skew the first).
 * Polling, not LISTEN: a profile is rare, and LISTEN would need one more direct connection per process.
 */
export function startProfileRunner(target: "web" | "worker"): { stop: () => Promise<void> } {
  const processLabel = `${hostname()}:${process.pid}`;
  const stopping = new AbortController();
  let lastSweep = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const tick = async () => {
    if (Date.now() - lastSweep > SWEEP_EVERY_MS) {
      lastSweep = Date.now();
      await sweepProfiles();
    }
    for (;;) {
      if (stopping.signal.aborted) return;
      const claimed = await claimProfile(target, processLabel);
      if (!claimed) return;
      await recordProfile(claimed, stopping.signal);
    }
  };
  const schedule = () => {
    if (stopping.signal.aborted) return;
    timer = setTimeout(() => {
      running = tick()
        .catch((error: unknown) => logger.warn({ err: error }, "profile requests not read"))
        .finally(schedule);
    }, POLL_MS);
    timer.unref();
  };
  schedule();

  return {
    stop: async () => {
      stopping.abort();
      clearTimeout(timer);
      await running;
    },
  };
}
