import { scheduleForOrganization } from "../../jobs/enqueue";

/** The daily purge of the organization's AI call log (kept idempotent by pg-boss's schedule key). */
export async function ensureAiPurgeSchedule(organizationId: string): Promise<void> {
  await scheduleForOrganization("ai.purge-calls", organizationId);
}
