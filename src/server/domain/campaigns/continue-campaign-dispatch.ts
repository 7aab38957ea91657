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
  const startAfter = new Date(Math.max(result.nextRunAt.getTime(), Date.now() + 200));
  // Keyed by the target second: the running job's own key must not block its follow-up.
  await enqueue("campaigns.dispatch", input, {
    singletonKey: `dispatch:${input.organizationId}:${Math.floor(startAfter.getTime() / 1000)}`,
    startAfter,
  });
}

/** Starts the engine now (launch, resume), without waiting for the schedule. */
export async function startCampaignDispatch(organizationId: string): Promise<void> {
  await enqueue("campaigns.dispatch", { organizationId });
}
