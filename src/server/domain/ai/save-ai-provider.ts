import { env } from "../../../env";
import { encryptSecret } from "../../crypto/secret-box";
import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { blockedProviderAddress } from "./provider-address-guard";

/**
 * Sets the organization's OpenAI-compatible provider. `apiKey` undefined keeps the stored key (the form
 * never receives it back), null removes it, a string replaces it (encrypted at rest).
 */
export async function saveAiProvider(
  actor: Actor,
  input: { baseUrl: string; apiKey?: string | null; model: string; transcriptionModel?: string; timeoutMs: number },
): Promise<void> {
  if (await blockedProviderAddress(input.baseUrl)) {
    throw new AppError("VALIDATION", "aiProviderAddressInternal", {
      fieldErrors: { baseUrl: [{ reason: "aiProviderAddressInternalField" }] },
    });
  }
  await withOrganization(actor.organizationId, async (tx) => {
    const stored = await tx.aiProvider.findUnique({
      where: { organizationId: actor.organizationId },
      select: { baseUrl: true, apiKeyEncrypted: true },
    });
    // The stored key goes only where it was given for: a new address needs the key given again.
    if (input.apiKey === undefined && stored?.apiKeyEncrypted && stored.baseUrl !== input.baseUrl) {
      throw new AppError("VALIDATION", "aiKeyRequiredOnUrlChange", {
        fieldErrors: { apiKey: [{ reason: "aiKeyRequiredOnUrlChange" }] },
      });
    }
    const key =
      input.apiKey === undefined
        ? {}
        : { apiKeyEncrypted: input.apiKey && encryptSecret(input.apiKey, env().ENCRYPTION_KEY) };
    const settings = {
      baseUrl: input.baseUrl,
      model: input.model,
      transcriptionModel: input.transcriptionModel ?? "whisper-1",
      timeoutMs: input.timeoutMs,
    };
    await tx.aiProvider.upsert({
      where: { organizationId: actor.organizationId },
      create: { organizationId: actor.organizationId, ...settings, apiKeyEncrypted: null, ...key },
      update: { ...settings, ...key },
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "ai_provider.saved",
      targetType: "organization",
      targetId: actor.organizationId,
      // Never the key itself.
      metadata: { ...settings, key: input.apiKey === undefined ? "kept" : input.apiKey ? "replaced" : "removed" },
    });
  });
}

/** Back to the local engine. */
export async function removeAiProvider(actor: Actor): Promise<void> {
  await withOrganization(actor.organizationId, async (tx) => {
    const removed = await tx.aiProvider.deleteMany({ where: { organizationId: actor.organizationId } });
    if (removed.count)
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        action: "ai_provider.removed",
        targetType: "organization",
        targetId: actor.organizationId,
      });
  });
}
