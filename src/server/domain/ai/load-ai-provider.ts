import { env } from "../../../env";
import { decryptSecret } from "../../crypto/secret-box";
import type { Tx } from "../../db/tenant";
import { logger } from "../../logger";
import type { ProviderSettings } from "./provider-settings";

/** The organization's provider with its key decrypted (server side only), or null for the local engine. */
export async function loadAiProvider(tx: Tx, organizationId: string): Promise<ProviderSettings | null> {
  const row = await tx.aiProvider.findUnique({ where: { organizationId } });
  if (!row) return null;
  let apiKey: string | null = null;
  try {
    apiKey = row.apiKeyEncrypted ? decryptSecret(row.apiKeyEncrypted, env().ENCRYPTION_KEY) : null;
  } catch (error) {
    // ENCRYPTION_KEY changed without re-encrypting: classification goes on locally until the key is saved again.
    logger.error({ err: error, organizationId }, "AI provider key unreadable; local engine used");
    return null;
  }
  return {
    baseUrl: row.baseUrl,
    apiKey,
    model: row.model,
    transcriptionModel: row.transcriptionModel,
    timeoutMs: row.timeoutMs,
  };
}
