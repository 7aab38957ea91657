import { z } from "../../../shared/zod";

/** Price per 1M tokens, in the organization's currency. */
export const modelPriceSchema = z.object({ input: z.number().min(0), output: z.number().min(0) });
export type ModelPrice = z.infer<typeof modelPriceSchema>;
export const modelPricesSchema = z.record(z.string(), modelPriceSchema);
export type ModelPrices = z.infer<typeof modelPricesSchema>;

/**
 * Defaults for common models, in BRL per 1M tokens: the providers' USD list prices of December 2026 at
 * R$ 5,50/US$. The organization edits them (and must, for another currency); unknown models cost 0
 * until priced, which the IA page shows.
 */
export const defaultModelPrices: ModelPrices = {
  "gpt-4o-mini": { input: 0.83, output: 3.3 },
  "gpt-4o": { input: 13.75, output: 55 },
  "gpt-4.1-mini": { input: 2.2, output: 8.8 },
  "gpt-4.1-nano": { input: 0.55, output: 2.2 },
  "gpt-4.1": { input: 11, output: 44 },
  "claude-3-5-haiku-latest": { input: 4.4, output: 22 },
  "llama-3.1-8b-instant": { input: 0.28, output: 0.44 },
};

/** The organization's prices over the defaults. */
export function effectiveModelPrices(stored: unknown): ModelPrices {
  const parsed = modelPricesSchema.safeParse(stored);
  return { ...defaultModelPrices, ...(parsed.success ? parsed.data : {}) };
}

/** Cost of a call, rounded to the column's 6 decimals. */
export function costOfCall(price: ModelPrice | undefined, tokensIn: number, tokensOut: number): number {
  if (!price) return 0;
  return Math.round(((tokensIn * price.input + tokensOut * price.output) / 1_000_000) * 1e6) / 1e6;
}

/** Output tokens reserved for a call that sets no cap of its own: above what any feature's answer takes. */
export const RESERVED_OUTPUT_TOKENS = 1024;

/**
 * What a call may cost at most, reserved against the budget before it is made: the prompt counted at
 * one token per 3 characters (denser than the ~4 of English and Portuguese text under BPE tokenizers,
 * so the estimate is high) plus the reserved output.
 */
export function estimateCallCost(
  price: ModelPrice | undefined,
  promptCharacters: number,
  outputTokens = RESERVED_OUTPUT_TOKENS,
): number {
  return costOfCall(price, Math.ceil(promptCharacters / 3) + 16, outputTokens);
}
