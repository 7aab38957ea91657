import { scheduleForOrganization } from "../../jobs/enqueue";

/** Every organization with instances gets its rollup schedule (jobs carry the organization). */
export async function ensureRollupSchedule(organizationId: string): Promise<void> {
  await scheduleForOrganization("analytics.rollup", organizationId);
}
