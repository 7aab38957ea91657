import { enqueue } from "../../jobs/enqueue";

/** Beyond this, the per-organization schedule (every 10 s) picks the work up again. */
const CHAIN_WITHIN_MS = 30_000;

/**
 * Keeps the engine going between scheduled runs while a campaign has sends due soon: one queued
 * follow-up per organization and second (singleton key), so sending does not stall for the next cron tick.
 */
export async function continueCampaignDispatch(
  input: { organizationId: string },
  result: { nextRunAt: Date | null },
): Promise<void> {
  if (!result.nextRunAt || result.nextRunAt.getTime() - Date.now() > CHAIN_WITHIN_MS) return;
  // Work due now starts now: a start a moment ahead would wait for the next poll (seconds) instead of
  // being woken by the job's notification. A run with work lasts several seconds, so keyed by the target
  // second, the running job's own key never blocks its follow-up.
  const startAfter = result.nextRunAt.getTime() > Date.now() + 200 ? result.nextRunAt : new Date();
  await enqueue("campaigns.dispatch", input, {
    singletonKey: `dispatch:${input.organizationId}:${Math.floor(startAfter.getTime() / 1000)}`,
    startAfter,
  });
}

/** Starts the engine now (launch, resume), without waiting for the schedule. */
export async function startCampaignDispatch(organizationId: string): Promise<void> {
  await enqueue("campaigns.dispatch", { organizationId });
}
