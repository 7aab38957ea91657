import type { callerFor } from "./factory";

type Caller = ReturnType<typeof callerFor>;

export const defaultAiSettings = {
  monthlyBudget: null,
  currency: "BRL",
  externalTransfer: true,
  redactPersonalData: true,
  logRetentionDays: 90,
};

/** The organization lets data go to its provider ("enviar dados a provedor externo" on), with overrides. */
export async function allowExternalAi(
  caller: Caller,
  overrides: Partial<{
    monthlyBudget: number | null;
    currency: string;
    externalTransfer: boolean;
    redactPersonalData: boolean;
    logRetentionDays: number;
  }> = {},
): Promise<void> {
  await caller.ai.saveSettings({ ...defaultAiSettings, ...overrides });
}
