import { aiSentimentSchema } from "../ai-labels";
import { z } from "../zod";

/** A label code: the organization's labels are codes the UI words (snake_case). */
const labelCode = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);

/** An agent's verdict on a message's insight: the same values confirm it, others correct it. */
export const reviewInsightInput = z.object({
  messageId: z.uuid(),
  sentiment: aiSentimentSchema,
  label: labelCode.nullable(),
});

export const aiOverviewInput = z.object({ days: z.union([z.literal(7), z.literal(30)]).default(7) });

export const setContactAiOptOutInput = z.object({ contactId: z.uuid(), aiOptOut: z.boolean() });

/** An OpenAI-compatible provider. The key: omitted keeps the stored one, null removes it. */
export const saveAiProviderInput = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }).max(500),
  apiKey: z.string().trim().min(1).max(500).nullish(),
  model: z.string().trim().min(1).max(100),
  /** The model for voice notes (/audio/transcriptions); whisper-1 when not given. */
  transcriptionModel: z.string().trim().min(1).max(100).optional(),
  timeoutMs: z.number().int().min(1000).max(120_000),
});

/** Price per 1M input/output tokens, in the organization's currency. */
const modelPrice = z.object({
  input: z.number().min(0).max(100_000),
  output: z.number().min(0).max(100_000),
  /** Per minute of audio, for transcription models priced by duration. */
  perMinute: z.number().min(0).max(100_000).optional(),
});

/** Prices per model on the provider settings (merged over the defaults). */
export const saveAiModelPricesInput = z.object({
  prices: z.record(z.string().trim().min(1).max(100), modelPrice),
});

/** Spend, privacy and log retention of the organization's AI. */
export const saveAiSettingsInput = z.object({
  /** Null: no monthly cap. */
  monthlyBudget: z.number().min(0).max(10_000_000).nullable(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  /** Turning it on is the admin accepting the international-transfer notice (LGPD art. 33). */
  externalTransfer: z.boolean(),
  redactPersonalData: z.boolean(),
  logRetentionDays: z.number().int().min(1).max(3650),
});

export const aiCallFeatures = [
  "classification",
  "summary",
  "test_connection",
  "suggestion",
  "auto_reply",
  "rewrite",
  "transcription",
  "playground",
  "evaluation",
] as const;
export const aiCallOutcomes = ["ok", "failed", "budget_exhausted", "reserved"] as const;

export const listAiCallsInput = z.object({
  feature: z.enum(aiCallFeatures).optional(),
  outcome: z.enum(aiCallOutcomes).optional(),
  model: z.string().max(100).optional(),
  /** The last N days (the page's period); `from`/`to` for an exact window. */
  days: z.number().int().min(1).max(3650).optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  cursor: z.uuid().optional(),
  limit: z.number().int().min(1).max(100).default(50),
});

export const getAiCallInput = z.object({ callId: z.uuid() });

export const summarizeConversationInput = z.object({ conversationId: z.uuid() });
