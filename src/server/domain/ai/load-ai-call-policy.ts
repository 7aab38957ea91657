import type { Tx } from "../../db/tenant";
import { loadAiProvider } from "./load-ai-provider";
import { effectiveModelPrices, type ModelPrices } from "./model-prices";
import type { ProviderSettings } from "./provider-settings";

/** Everything the call path needs to decide whether, and how, a model call leaves the machine. */
export interface AiCallPolicy {
  provider: ProviderSettings | null;
  externalTransfer: boolean;
  redact: boolean;
  budget: number | null;
  alertMonth: string | null;
  timezone: string;
  prices: ModelPrices;
}

export async function loadAiCallPolicy(tx: Tx, organizationId: string): Promise<AiCallPolicy> {
  const organization = await tx.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: {
      timezone: true,
      aiMonthlyBudget: true,
      aiBudgetAlertMonth: true,
      aiExternalTransfer: true,
      aiRedactPersonalData: true,
      aiProvider: { select: { modelPrices: true } },
    },
  });
  return {
    provider: await loadAiProvider(tx, organizationId),
    externalTransfer: organization.aiExternalTransfer,
    redact: organization.aiRedactPersonalData,
    budget: organization.aiMonthlyBudget === null ? null : Number(organization.aiMonthlyBudget),
    alertMonth: organization.aiBudgetAlertMonth,
    timezone: organization.timezone,
    prices: effectiveModelPrices(organization.aiProvider?.modelPrices),
  };
}
