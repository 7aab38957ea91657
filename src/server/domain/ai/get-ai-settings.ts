import { withOrganization } from "../../db/tenant";
import type { Actor } from "../members/actor";
import type { aiSettingsOutput } from "./ai-outputs";
import { BUDGET_ALERT_RATIO, monthSpend } from "./ai-spend";
import { effectiveModelPrices } from "./model-prices";
import type { z } from "../../../shared/zod";

/** Spend this month against the budget, with the privacy switches and the prices per model. */
export async function getAiSettings(actor: Actor): Promise<z.infer<typeof aiSettingsOutput>> {
  return withOrganization(actor.organizationId, async (tx) => {
    const organization = await tx.organization.findUniqueOrThrow({
      where: { id: actor.organizationId },
      select: {
        timezone: true,
        currency: true,
        aiMonthlyBudget: true,
        aiBudgetAlertMonth: true,
        aiExternalTransfer: true,
        aiRedactPersonalData: true,
        aiLogRetentionDays: true,
        aiProvider: { select: { modelPrices: true, model: true } },
      },
    });
    const { month, spent } = await monthSpend(tx, actor.organizationId, organization.timezone);
    const budget = organization.aiMonthlyBudget === null ? null : Number(organization.aiMonthlyBudget);
    const prices = effectiveModelPrices(organization.aiProvider?.modelPrices);
    return {
      currency: organization.currency,
      monthlyBudget: budget,
      externalTransfer: organization.aiExternalTransfer,
      redactPersonalData: organization.aiRedactPersonalData,
      logRetentionDays: organization.aiLogRetentionDays,
      spend: {
        month,
        spent,
        ratio: budget ? spent / budget : null,
        alert: organization.aiBudgetAlertMonth === month || (budget !== null && spent >= budget * BUDGET_ALERT_RATIO),
        exhausted: budget !== null && spent >= budget,
      },
      prices: Object.entries(prices).map(([model, price]) => ({ model, ...price })),
      providerModelPriced: organization.aiProvider ? organization.aiProvider.model in prices : null,
    };
  });
}
