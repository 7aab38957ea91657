import { withOrganization } from "../../db/tenant";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import type { FlagKey } from "./flag-definitions";

/**
 * Sets (true/false) or clears (null: follow the rollout) an organization's choice for a flag. Setting the
 * value it already has writes nothing, not even an audit row.
 */
export async function setFeatureFlag(actor: Actor, input: { key: FlagKey; enabled: boolean | null }): Promise<void> {
  await withOrganization(actor.organizationId, async (tx) => {
    const where = { organizationId_flagKey: { organizationId: actor.organizationId, flagKey: input.key } };
    const current = await tx.featureFlagOverride.findUnique({ where, select: { enabled: true } });
    if ((current?.enabled ?? null) === input.enabled) return;
    if (input.enabled === null) await tx.featureFlagOverride.delete({ where });
    else
      await tx.featureFlagOverride.upsert({
        where,
        create: {
          organizationId: actor.organizationId,
          flagKey: input.key,
          enabled: input.enabled,
          updatedByUserId: actor.userId,
        },
        update: { enabled: input.enabled, updatedByUserId: actor.userId },
      });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "feature_flag.set",
      targetType: "feature_flag",
      targetId: input.key,
      metadata: { from: current?.enabled ?? null, to: input.enabled },
    });
  });
}
