import type { Tx } from "../../db/tenant";

/**
 * Opens, for the rest of this transaction only, the one exception to the audit log's append-only trigger
 * that a use case needs: `retention` may delete old rows, `pseudonymise` may rewrite metadata (an erased
 * data subject's traces). Anything else stays refused.
 */
export async function allowAuditMaintenance(tx: Tx, kind: "retention" | "pseudonymise"): Promise<void> {
  await tx.$queryRaw`SELECT set_config('mirage.audit_maintenance', ${kind}, true)`;
}
