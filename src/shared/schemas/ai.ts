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
  timeoutMs: z.number().int().min(1000).max(120_000),
});
