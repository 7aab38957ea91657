import { z } from "../../../shared/zod";

const sentiment = z.enum(["positive", "neutral", "negative"]);
const reviewCount = z.object({
  reviewed: z.number(),
  correct: z.number(),
  /** correct / reviewed, null before any review. */
  accuracy: z.number().nullable(),
});

export const aiOverviewOutput = z.object({
  /** What classifies new messages now: the local engine or the organization's provider. */
  engine: z.object({ kind: z.enum(["local", "provider"]), model: z.string(), version: z.string() }),
  labels: z.array(z.string()),
  days: z.number(),
  total: z.number(),
  byLabel: z.array(z.object({ label: z.string().nullable(), count: z.number() })),
  bySentiment: z.array(z.object({ sentiment, count: z.number() })),
  /** Confirmed / (confirmed + corrected), both sentiment and label agreeing. */
  overall: reviewCount,
  /** Per label the machine chose: how often agents kept that label. */
  labelAccuracy: z.array(reviewCount.extend({ label: z.string().nullable() })),
  /** Reviewed messages by (machine label, agent label); the diagonal is what agents kept. */
  confusion: z.array(z.object({ machine: z.string().nullable(), agent: z.string().nullable(), count: z.number() })),
});

export const listAiLabelsOutput = z.array(z.string());

export const reviewInsightOutput = z.object({ review: z.enum(["confirmed", "corrected"]) });

/** What the browser may know of a provider: never the key, only whether one is stored. */
export const aiProviderOutput = z
  .object({ baseUrl: z.string(), model: z.string(), timeoutMs: z.number(), hasKey: z.boolean() })
  .nullable();

export const testAiProviderOutput = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), latencyMs: z.number(), label: z.string().nullable() }),
  z.object({
    ok: z.literal(false),
    failure: z.enum([
      "unauthorized",
      "rate_limited",
      "timeout",
      "unreachable",
      "blocked_address",
      "http_error",
      "invalid_answer",
    ]),
    status: z.number().nullable(),
  }),
]);
