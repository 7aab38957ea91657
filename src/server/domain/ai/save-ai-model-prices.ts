import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import type { ModelPrices } from "./model-prices";

/** The organization's prices per 1M tokens (replacing its earlier ones; defaults fill the rest). */
export async function saveAiModelPrices(actor: Actor, input: { prices: ModelPrices }): Promise<void> {
  await withOrganization(actor.organizationId, async (tx) => {
    const provider = await tx.aiProvider.findUnique({
      where: { organizationId: actor.organizationId },
      select: { modelPrices: true },
    });
    if (!provider) throw new AppError("NOT_FOUND", "aiProviderMissing");
    if (JSON.stringify(provider.modelPrices) === JSON.stringify(input.prices)) return;
    await tx.aiProvider.update({
      where: { organizationId: actor.organizationId },
      data: { modelPrices: input.prices },
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "ai_prices.saved",
      targetType: "organization",
      targetId: actor.organizationId,
      metadata: { prices: input.prices },
    });
  });
}
