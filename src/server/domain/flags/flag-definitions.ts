import type { featureFlagKeys } from "../../../shared/schemas/flags";

/**
 * Mirage's feature flags and their rollout: the share of organizations (0–100) that get the feature
 * unless they set it themselves in Configurações. Experiments read their variant from the same flags.
 */
export const flagDefinitions = {
  "ai.insights": { rolloutPercent: 100 },
  "analytics.dashboard": { rolloutPercent: 100 },
  "campaigns.variant-experiment": { rolloutPercent: 50 },
} as const satisfies Record<(typeof featureFlagKeys)[number], FlagDefinition>;

export interface FlagDefinition {
  rolloutPercent: number;
}

export type FlagKey = keyof typeof flagDefinitions;

export const flagKeys = Object.keys(flagDefinitions) as FlagKey[];
