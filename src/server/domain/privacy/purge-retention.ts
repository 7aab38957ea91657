import { withOrganization } from "../../db/tenant";
import { logger } from "../../logger";
import { mediaStore } from "../../media";
import type { RetentionDataKindValue } from "../../../shared/schemas/privacy";
import { recordAudit } from "../audit/record-audit";
import { releasedMediaKeys } from "./released-media-keys";
import { retentionCutoff, retentionTargets } from "./retention-targets";

/**
 * The privacy.retention job: for every enabled policy of the organization, purges rows older than
 * its keepDays in batches (short transactions, so ingestion is not held up), removes released media
 * files that nothing points to any more, and records the purge (audit entry with the counts).
 */
export async function purgeRetention(
  payload: { organizationId: string },
  now = new Date(),
): Promise<Partial<Record<RetentionDataKindValue, number>>> {
  const { organizationId } = payload;
  const policies = await withOrganization(organizationId, (tx) =>
    tx.retentionPolicy.findMany({ where: { organizationId, enabled: true } }),
  );
  const purged: Partial<Record<RetentionDataKindValue, number>> = {};
  for (const policy of policies) {
    const cutoff = retentionCutoff(policy.keepDays, now);
    const target = retentionTargets[policy.kind];
    let rows = 0;
    let files = 0;
    for (;;) {
      const batch = await withOrganization(organizationId, async (tx) => {
        const result = await target.purgeBatch(tx, organizationId, cutoff);
        return { rows: result.rows, released: await releasedMediaKeys(tx, organizationId, result.mediaKeys) };
      });
      for (const key of batch.released)
        await mediaStore()
          .delete(key)
          .then(() => (files += 1))
          .catch((error: unknown) => logger.error({ err: error, key }, "purged media file could not be removed"));
      rows += batch.rows;
      if (batch.rows === 0) break;
    }
    await withOrganization(organizationId, async (tx) => {
      await tx.retentionPolicy.update({
        where: { organizationId_kind: { organizationId, kind: policy.kind } },
        data: { lastPurgedAt: now },
      });
      await recordAudit(tx, {
        organizationId,
        actorUserId: null,
        action: "privacy.retention_purged",
        targetType: "retention_policy",
        targetId: policy.kind,
        metadata: { keepDays: policy.keepDays, cutoff: cutoff.toISOString(), rows, files },
      });
    });
    purged[policy.kind] = rows;
  }
  return purged;
}
