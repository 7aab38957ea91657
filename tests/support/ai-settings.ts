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

/**
 * The local OpenAI-compatible server as the organization's provider, model "test-model" priced R$ 100 /
 * R$ 400 per 1M tokens in/out (a call of 1,000 + 500 tokens costs R$ 0,30).
 */
export async function connectTestProvider(caller: Caller, server: { baseUrl: string }, apiKey: string): Promise<void> {
  await caller.ai.saveProvider({ baseUrl: server.baseUrl, apiKey, model: "test-model", timeoutMs: 5000 });
  await caller.ai.saveModelPrices({ prices: { "test-model": { input: 100, output: 400 } } });
}
