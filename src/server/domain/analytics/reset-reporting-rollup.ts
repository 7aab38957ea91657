import type { Tx } from "../../db/tenant";

/**
 * Drops an organization's rollup and its watermark (its days changed: new timezone). Until the next
 * `analytics.rollup` run rebuilds every day, the dashboard reads raw events, so it is never wrong.
 */
export async function resetReportingRollup(tx: Tx, organizationId: string): Promise<void> {
  await tx.$executeRaw`DELETE FROM reporting_rollup_state WHERE organization_id = ${organizationId}::uuid`;
  await tx.$executeRaw`DELETE FROM reporting_daily WHERE organization_id = ${organizationId}::uuid`;
  await tx.$executeRaw`DELETE FROM reporting_monthly WHERE organization_id = ${organizationId}::uuid`;
}
