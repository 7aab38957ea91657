import { z } from "../../../shared/zod";

/** Price per 1M tokens (and per minute of audio for transcription models), in the organization's currency. */
export const modelPriceSchema = z.object({
  input: z.number().min(0),
  output: z.number().min(0),
  perMinute: z.number().min(0).optional(),
});
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
  // Transcription: whisper-1 is priced by the minute; the gpt-4o ones by tokens (audio in, text out).
  "whisper-1": { input: 0, output: 0, perMinute: 0.033 },
  "gpt-4o-transcribe": { input: 13.75, output: 55, perMinute: 0.033 },
  "gpt-4o-mini-transcribe": { input: 6.88, output: 27.5, perMinute: 0.0165 },
  "whisper-large-v3": { input: 0, output: 0, perMinute: 0.0102 },
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

/**
 * Cost of a transcription: by tokens when the provider reports them and the model has token prices,
 * else by the minute of audio.
 */
export function costOfTranscription(
  price: ModelPrice | undefined,
  usage: { seconds: number; tokensIn?: number; tokensOut?: number },
): number {
  if (!price) return 0;
  if (usage.tokensIn !== undefined && (price.input > 0 || price.output > 0))
    return costOfCall(price, usage.tokensIn, usage.tokensOut ?? 0);
  return Math.round((((price.perMinute ?? 0) * usage.seconds) / 60) * 1e6) / 1e6;
}
