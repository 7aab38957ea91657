import { z } from "zod";

/** Every feature flag Mirage knows (their rollouts: src/server/domain/flags/flag-definitions.ts). */
export const featureFlagKeys = ["ai.insights", "analytics.dashboard", "campaigns.variant-experiment"] as const;

export const setFeatureFlagInput = z.object({
  key: z.enum(featureFlagKeys),
  /** null: follow the rollout. */
  enabled: z.boolean().nullable(),
});
