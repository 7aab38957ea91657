import {
  ErrorCode,
  StandardResolutionReasons,
  type EvaluationContext,
  type JsonValue,
  type Provider,
  type ResolutionDetails,
} from "@openfeature/server-sdk";
import { withOrganization } from "../../db/tenant";
import type { FlagDefinition } from "./flag-definitions";
import { inRollout } from "./rollout-bucket";

/**
 * OpenFeature provider over Postgres (no extra service): the targeting key is the organization id;
 * its override row decides, else its rollout bucket. Boolean flags only.
 */
export class PostgresFlagProvider implements Provider {
  readonly metadata = { name: "mirage-postgres" } as const;
  readonly runsOn = "server" as const;

  constructor(private readonly definitions: Record<string, FlagDefinition>) {}

  async resolveBooleanEvaluation(
    flagKey: string,
    defaultValue: boolean,
    context: EvaluationContext,
  ): Promise<ResolutionDetails<boolean>> {
    const definition = this.definitions[flagKey];
    if (!definition)
      return { value: defaultValue, reason: StandardResolutionReasons.ERROR, errorCode: ErrorCode.FLAG_NOT_FOUND };
    const organizationId = context.targetingKey;
    if (!organizationId)
      return {
        value: defaultValue,
        reason: StandardResolutionReasons.ERROR,
        errorCode: ErrorCode.TARGETING_KEY_MISSING,
      };
    const override = await withOrganization(organizationId, (tx) =>
      tx.featureFlagOverride.findUnique({
        where: { organizationId_flagKey: { organizationId, flagKey } },
        select: { enabled: true },
      }),
    );
    if (override)
      return {
        value: override.enabled,
        reason: StandardResolutionReasons.TARGETING_MATCH,
        variant: override.enabled ? "on" : "off",
      };
    const value = inRollout(flagKey, organizationId, definition.rolloutPercent);
    return { value, reason: StandardResolutionReasons.SPLIT, variant: value ? "on" : "off" };
  }

  private mismatch<T>(defaultValue: T): Promise<ResolutionDetails<T>> {
    return Promise.resolve({
      value: defaultValue,
      reason: StandardResolutionReasons.ERROR,
      errorCode: ErrorCode.TYPE_MISMATCH,
    });
  }

  resolveStringEvaluation(_key: string, defaultValue: string) {
    return this.mismatch(defaultValue);
  }

  resolveNumberEvaluation(_key: string, defaultValue: number) {
    return this.mismatch(defaultValue);
  }

  resolveObjectEvaluation<T extends JsonValue>(_key: string, defaultValue: T) {
    return this.mismatch(defaultValue);
  }
}
