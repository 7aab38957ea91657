import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { PGBOSS_SCHEMA } from "../../jobs/boss";
import { enqueue } from "../../jobs/enqueue";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { isPlatformAdmin } from "../members/is-platform-admin";

/**
 * "Fazer backup agora": queues `backup.run` for the worker (the same code path as the schedule) and audits
 * the request in the admin's organization. While a backup job waits or runs, another request queues nothing
 * (`queued: false`), so a double click makes one backup. The queue's policy is `standard`, where pg-boss's
 * singleton keys do not deduplicate, hence the check under an advisory lock.
 */
export async function requestBackup(actor: Actor): Promise<{ queued: boolean }> {
  if (!(await isPlatformAdmin(actor))) throw new AppError("FORBIDDEN", "platformAdminsOnly");
  return withOrganization(actor.organizationId, async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('mirage:backup.requested'))`;
    const pending = await tx.$queryRawUnsafe<unknown[]>(
      `SELECT 1 FROM ${PGBOSS_SCHEMA}.job WHERE name = 'backup.run' AND state IN ('created', 'retry', 'active') LIMIT 1`,
    );
    if (pending.length > 0) return { queued: false };
    const jobId = await enqueue("backup.run", { requestedByUserId: actor.userId }, { tx });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "backup.requested",
      targetType: "backup",
      targetId: jobId ?? undefined,
    });
    return { queued: true };
  });
}
