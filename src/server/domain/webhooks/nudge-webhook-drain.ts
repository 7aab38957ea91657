import { enqueue } from "../../jobs/enqueue";
import { logger } from "../../logger";

/**
 * Wakes a worker to drain an instance's stored deliveries. Nudges are coalesced per instance: the first
 * delivery schedules one a few milliseconds later, and every delivery stored before it goes out is
 * covered by it (the job is created after they committed). The queue keeps at most one queued drain per
 * instance, so a burst costs a handful of jobs, not one per webhook. A nudge lost to a crash is made up by
 * the watchdog's sweep of stranded deliveries.
 */
const COALESCE_MS = 50;

const scheduled = new Set<string>();

export function nudgeWebhookDrain(organizationId: string, instanceId: string): void {
  if (scheduled.has(instanceId)) return;
  scheduled.add(instanceId);
  setTimeout(() => {
    scheduled.delete(instanceId);
    enqueue("webhooks.drain", { organizationId, instanceId }, { singletonKey: instanceId }).catch((error: unknown) =>
      logger.warn({ err: error, instanceId }, "webhook drain nudge not sent; the sweep will pick it up"),
    );
  }, COALESCE_MS).unref();
}
