import { promptFeatures } from "../../../shared/ai-prompts";
import { z } from "../../../shared/zod";

const evaluationLabel = z.object({
  support: z.number(),
  predicted: z.number(),
  correct: z.number(),
  precision: z.number(),
  recall: z.number(),
  f1: z.number(),
});

/** The `per_label` column of ai_evaluation_runs: scores per label code ("none": no label). */
export const evaluationPerLabelSchema = z.record(z.string(), evaluationLabel);

export const evaluationRunOutput = z.object({
  id: z.string(),
  promptVersionId: z.string().nullable(),
  status: z.enum(["queued", "running", "done", "failed"]),
  size: z.number(),
  answered: z.number(),
  accuracy: z.number().nullable(),
  macroF1: z.number().nullable(),
  /** Per label code ("none": no label). */
  perLabel: evaluationPerLabelSchema,
  errorCode: z.string().nullable(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
});

export const promptVersionOutput = z.object({
  id: z.string(),
  feature: z.enum(promptFeatures),
  number: z.number(),
  status: z.enum(["draft", "published"]),
  body: z.string(),
  /** Percentage of conversations it answers now (0: not active). */
  share: z.number(),
  publishedAt: z.date().nullable(),
  createdAt: z.date(),
  /** The newest evaluation run of this version (classification only). */
  evaluation: evaluationRunOutput.nullable(),
});

export const listPromptVersionsOutput = z.object({
  versions: z.array(promptVersionOutput),
  /** The local engine's newest evaluation run (classification page). */
  localEvaluation: evaluationRunOutput.nullable(),
  /** Messages agents reviewed that an evaluation would run on. */
  evaluationSetSize: z.number(),
});

export const promptDiffOutput = z.array(z.object({ kind: z.enum(["same", "added", "removed"]), text: z.string() }));

export const playgroundOutput = z.object({
  /** The model's answer: text, or its JSON pretty-printed. */
  output: z.string(),
  model: z.string(),
  tokensIn: z.number(),
  tokensOut: z.number(),
  cost: z.number(),
  latencyMs: z.number(),
});

/** One version's figures over the period, for the A/B comparison side by side. */
export const promptComparisonOutput = z.array(
  z.object({
    id: z.string(),
    number: z.number(),
    share: z.number(),
    calls: z.number(),
    cost: z.number(),
    avgLatencyMs: z.number().nullable(),
    suggestions: z.object({
      used: z.number(),
      edited: z.number(),
      discarded: z.number(),
      acceptance: z.number().nullable(),
    }),
    reviews: z.object({ reviewed: z.number(), correct: z.number(), accuracy: z.number().nullable() }),
  }),
);
