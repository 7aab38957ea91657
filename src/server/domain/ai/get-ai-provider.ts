import { withOrganization } from "../../db/tenant";
import type { Actor } from "../members/actor";
import type { AiProviderDto } from "./ai-provider-dto";

export async function getAiProvider(actor: Actor): Promise<AiProviderDto | null> {
  return withOrganization(actor.organizationId, async (tx) => {
    const row = await tx.aiProvider.findUnique({ where: { organizationId: actor.organizationId } });
    return row
      ? {
          baseUrl: row.baseUrl,
          model: row.model,
          transcriptionModel: row.transcriptionModel,
          timeoutMs: row.timeoutMs,
          hasKey: row.apiKeyEncrypted !== null,
        }
      : null;
  });
}
