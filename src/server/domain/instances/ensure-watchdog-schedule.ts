import { scheduleForOrganization } from "../../jobs/enqueue";

/** Every organization with instances gets its own watchdog schedule (jobs carry the organization). */
export async function ensureWatchdogSchedule(organizationId: string): Promise<void> {
  await scheduleForOrganization("instances.watchdog", organizationId);
}
