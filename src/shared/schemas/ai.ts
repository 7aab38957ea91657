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
