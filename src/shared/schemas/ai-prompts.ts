import { promptFeatures } from "../ai-prompts";
import { z } from "../zod";

const feature = z.enum(promptFeatures);

export const listPromptVersionsInput = z.object({ feature });

/** A new draft of a feature's prompt (from `id`'s text when given an existing draft: that draft is updated). */
export const savePromptDraftInput = z.object({
  feature,
  /** The draft to update; none creates the next version as a draft. */
  id: z.uuid().optional(),
  body: z.string().trim().min(20).max(8000),
});

export const promptVersionInput = z.object({ id: z.uuid() });

/** Two published versions of one feature answering a share of conversations each. */
export const startPromptAbInput = z.object({
  versionAId: z.uuid(),
  versionBId: z.uuid(),
  /** Percentage of conversations version B answers; A answers the rest. */
  shareB: z.number().int().min(1).max(99),
});

export const diffPromptVersionsInput = z.object({ fromId: z.uuid(), toId: z.uuid() });

export const runPromptPlaygroundInput = z.object({ versionId: z.uuid(), conversationId: z.uuid() });

/** Null: the local engine. */
export const requestPromptEvaluationInput = z.object({ promptVersionId: z.uuid().nullable() });

export const promptComparisonInput = z.object({ feature, days: z.union([z.literal(7), z.literal(30)]).default(30) });
