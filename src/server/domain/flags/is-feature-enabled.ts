import { OpenFeature, type Client } from "@openfeature/server-sdk";
import { flagDefinitions, type FlagKey } from "./flag-definitions";
import { PostgresFlagProvider } from "./postgres-flag-provider";

const globalForFlags = globalThis as typeof globalThis & { mirageFlags?: Client };

/** The process's OpenFeature client, bound to the Postgres provider on first use. */
function flagClient(): Client {
  if (!globalForFlags.mirageFlags) {
    OpenFeature.setProvider(new PostgresFlagProvider(flagDefinitions));
    globalForFlags.mirageFlags = OpenFeature.getClient("mirage");
  }
  return globalForFlags.mirageFlags;
}

/** Whether a feature is on for an organization (off when the flag cannot be read). */
export function isFeatureEnabled(organizationId: string, flag: FlagKey): Promise<boolean> {
  return flagClient().getBooleanValue(flag, false, { targetingKey: organizationId });
}
