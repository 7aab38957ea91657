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
  /** Label accuracy per engine, model and engine/prompt version that made the reviewed insights. */
  modelAccuracy: z.array(
    z.object({ engine: z.string(), model: z.string(), version: z.string() }).extend(reviewCount.shape),
  ),
  /** Confirmed / (confirmed + corrected), both sentiment and label agreeing. */
  overall: reviewCount,
  /** Per label the machine chose: how often agents kept that label. */
  labelAccuracy: z.array(reviewCount.extend({ label: z.string().nullable() })),
  /** Reviewed messages by (machine label, agent label); the diagonal is what agents kept. */
  confusion: z.array(z.object({ machine: z.string().nullable(), agent: z.string().nullable(), count: z.number() })),
});

/** The local engine measured on the labelled set the project ships (benchmark-set/). */
export const localEngineBenchmarkOutput = z.object({
  version: z.string(),
  messages: z.number(),
  sentimentAccuracy: z.number(),
  sentimentMacroF1: z.number(),
  labelAccuracy: z.number(),
  labelMacroF1: z.number(),
  messagesPerSecond: z.number(),
});

export const listAiLabelsOutput = z.array(z.string());

export const reviewInsightOutput = z.object({ review: z.enum(["confirmed", "corrected"]) });

/** What the browser may know of a provider: never the key, only whether one is stored. */
export const aiProviderOutput = z
  .object({
    baseUrl: z.string(),
    model: z.string(),
    transcriptionModel: z.string(),
    timeoutMs: z.number(),
    hasKey: z.boolean(),
  })
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
      "external_transfer_off",
      "budget_exhausted",
      "contact_ai_opt_out",
    ]),
    status: z.number().nullable(),
  }),
]);

export const aiSettingsOutput = z.object({
  currency: z.string(),
  monthlyBudget: z.number().nullable(),
  externalTransfer: z.boolean(),
  redactPersonalData: z.boolean(),
  logRetentionDays: z.number(),
  spend: z.object({
    month: z.string(),
    spent: z.number(),
    /** spent / budget, null without a budget. */
    ratio: z.number().nullable(),
    /** The 80% notice is up for this month. */
    alert: z.boolean(),
    /** 100%: external calls stopped, the local engine classifies. */
    exhausted: z.boolean(),
  }),
  prices: z.array(
    z.object({ model: z.string(), input: z.number(), output: z.number(), perMinute: z.number().optional() }),
  ),
  /** Whether the provider's model has a price (null without a provider). */
  providerModelPriced: z.boolean().nullable(),
});

const aiCallSummary = z.object({
  id: z.string(),
  feature: z.string(),
  engine: z.string(),
  providerHost: z.string().nullable(),
  model: z.string(),
  promptVersion: z.string(),
  tokensIn: z.number(),
  tokensOut: z.number(),
  cost: z.number(),
  latencyMs: z.number(),
  outcome: z.string(),
  errorCode: z.string().nullable(),
  createdAt: z.date(),
});

export const listAiCallsOutput = z.object({ calls: z.array(aiCallSummary), nextCursor: z.string().nullable() });

export const aiCallDetailOutput = aiCallSummary.extend({ input: z.unknown() });

export const conversationSummaryOutput = z
  .object({
    id: z.string(),
    trigger: z.enum(["on_demand", "closed"]),
    engine: z.string(),
    model: z.string(),
    promptVersion: z.string(),
    fallbackReason: z.string().nullable(),
    summary: z.string(),
    createdAt: z.date(),
  })
  .nullable();
