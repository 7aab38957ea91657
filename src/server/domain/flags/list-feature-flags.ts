import { withOrganization } from "../../db/tenant";
import type { Actor } from "../members/actor";
import { flagDefinitions, flagKeys } from "./flag-definitions";
import { inRollout } from "./rollout-bucket";

export interface FeatureFlagDto {
  key: string;
  rolloutPercent: number;
  /** The organization's own choice; null follows the rollout. */
  override: boolean | null;
  enabled: boolean;
}

/** Every flag with the organization's override and the value it gets now (Configurações). */
export async function listFeatureFlags(actor: Actor): Promise<FeatureFlagDto[]> {
  const overrides = await withOrganization(actor.organizationId, (tx) =>
    tx.featureFlagOverride.findMany({ select: { flagKey: true, enabled: true } }),
  );
  return flagKeys.map((key) => {
    const override = overrides.find((o) => o.flagKey === key)?.enabled ?? null;
    const { rolloutPercent } = flagDefinitions[key];
    return { key, rolloutPercent, override, enabled: override ?? inRollout(key, actor.organizationId, rolloutPercent) };
  });
}
