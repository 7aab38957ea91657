import { env } from "../../../env";
import { decryptSecret } from "../../crypto/secret-box";
import type { Tx } from "../../db/tenant";
import type { ProviderSettings } from "./provider-engine";

/** The organization's provider with its key decrypted (server side only), or null for the local engine. */
export async function loadAiProvider(tx: Tx, organizationId: string): Promise<ProviderSettings | null> {
  const row = await tx.aiProvider.findUnique({ where: { organizationId } });
  if (!row) return null;
  return {
    baseUrl: row.baseUrl,
    apiKey: row.apiKeyEncrypted ? decryptSecret(row.apiKeyEncrypted, env().ENCRYPTION_KEY) : null,
    model: row.model,
    timeoutMs: row.timeoutMs,
  };
}
