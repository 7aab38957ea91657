import { createHash } from "node:crypto";

/**
 * An organization's stable place (0–99) in a flag's rollout: a hash of flag and organization, so the
 * same organization stays on the same side as long as the percentage holds, raising the percentage only
 * adds organizations, and each flag splits organizations independently of the others.
 */
export function rolloutBucket(flagKey: string, organizationId: string): number {
  const digest = createHash("sha256").update(`${flagKey}:${organizationId}`).digest();
  return digest.readUInt32BE(0) % 100;
}

export const inRollout = (flagKey: string, organizationId: string, percent: number) =>
  rolloutBucket(flagKey, organizationId) < percent;
