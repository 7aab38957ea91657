import { z } from "zod";
import { AppError } from "../../errors";
import { aiSentiments } from "../../../shared/ai-labels";
import { callAiProvider, type AiCallResult } from "./call-ai-provider";
import type { AiCallPolicy } from "./load-ai-call-policy";
import type { Insight } from "./local-engine";
import { markAiCallInvalid } from "./record-ai-call";
import { renderPrompt } from "../../../shared/ai-prompts";
import { promptLabel, type PromptRef } from "../ai-prompts/active-prompts";

export { PROVIDER_ENGINE, type ProviderSettings } from "./provider-settings";
const NO_LABEL = "none";

const answerSchema = z.object({
  sentiment: z.enum(aiSentiments),
  sentiment_score: z.number().min(-1).max(1),
  label: z.string(),
  confidence: z.number().min(0).max(1),
  language: z.enum(["pt", "en", "other"]),
});

export interface ClassificationRequest {
  organizationId: string;
  feature: "classification" | "test_connection" | "playground" | "evaluation";
  /** The organization's classification prompt version to write the instructions from. */
  prompt: Pick<PromptRef, "id" | "feature" | "number" | "body">;
  text: string;
  labels: readonly string[];
  contactIds?: readonly string[];
  policy?: AiCallPolicy;
}

export type ProviderClassification =
  | { ok: true; insight: Insight; model: string; call: Extract<AiCallResult, { ok: true }> }
  | Exclude<AiCallResult, { ok: true }>;

/**
 * Classifies one text with the organization's OpenAI-compatible provider (chat completions with a
 * JSON-schema answer), through the one call path (policy, budget, redaction, log).
 */
export async function classifyWithProvider(request: ClassificationRequest): Promise<ProviderClassification> {
  const { labels } = request;
  const result = await callAiProvider({
    organizationId: request.organizationId,
    feature: request.feature,
    promptVersion: promptLabel(request.prompt),
    promptVersionId: request.prompt.id,
    contactIds: request.contactIds,
    policy: request.policy,
    messages: [
      { role: "system", content: renderPrompt(request.prompt.body, { labels: labels.join(", "), no_label: NO_LABEL }) },
      { role: "user", content: request.text.slice(0, 2000) },
    ],
    responseFormat: {
      type: "json_schema",
      json_schema: {
        name: "message_insight",
        strict: true,
        schema: {
          type: "object",
          additionalProperties: false,
          required: ["sentiment", "sentiment_score", "label", "confidence", "language"],
          properties: {
            sentiment: { type: "string", enum: [...aiSentiments] },
            sentiment_score: { type: "number", minimum: -1, maximum: 1 },
            label: { type: "string", enum: [...labels, NO_LABEL] },
            confidence: { type: "number", minimum: 0, maximum: 1 },
            language: { type: "string", enum: ["pt", "en", "other"] },
          },
        },
      },
    },
  });
  if (!result.ok) return result;
  const insight = parseClassification(result.content, labels);
  if (!insight) {
    await markAiCallInvalid(request.organizationId, result.callId);
    return { ok: false, refusal: "provider_failed", failure: "invalid_answer", status: null };
  }
  return { ok: true, insight, model: result.model, call: result };
}

/** The provider's JSON answer as an insight, or null when it does not follow the schema. */
function parseClassification(content: string, labels: readonly string[]): Insight | null {
  let parsed: z.infer<typeof answerSchema>;
  try {
    parsed = answerSchema.parse(JSON.parse(content));
  } catch {
    return null;
  }
  const label = parsed.label !== NO_LABEL && labels.includes(parsed.label) ? parsed.label : null;
  return {
    sentiment: parsed.sentiment,
    sentimentScore: parsed.sentiment_score,
    label,
    confidence: parsed.confidence,
    language: parsed.language === "en" ? "en" : "pt",
  };
}

export type ChatTurn = { role: "user" | "assistant"; content: string };

/** A strict JSON-schema answer a feature asks for: its name, the schema the provider gets, the parser. */
export interface AnswerShape<Answer extends z.ZodType> {
  name: string;
  jsonSchema: Record<string, unknown>;
  answer: Answer;
}

export interface JsonSchemaRequest<Answer extends z.ZodType> extends AnswerShape<Answer> {
  organizationId: string;
  feature: "suggestion" | "rewrite" | "auto_reply" | "playground";
  /** The prompt version the system message was written from. */
  prompt: Pick<PromptRef, "id" | "feature" | "number">;
  /** The contacts whose words are in the prompt (one marked "sem IA" stops the call). */
  contactIds?: readonly string[];
  system: string;
  messages: ChatTurn[];
  temperature?: number;
}

/**
 * A chat completion whose answer must fit a strict JSON schema, through the one call path (policy,
 * budget, redaction, log). Throws when the call was refused or failed, or the answer does not fit: the
 * reply features fall back (local suggestions) or stay silent (the bot). Returns the parsed answer and
 * the call's figures (tokens, cost, latency).
 */
export async function completeWithJsonSchema<Answer extends z.ZodType>(
  request: JsonSchemaRequest<Answer>,
): Promise<{ answer: z.infer<Answer>; call: Extract<AiCallResult, { ok: true }> }> {
  const result = await callAiProvider({
    organizationId: request.organizationId,
    feature: request.feature,
    promptVersion: promptLabel(request.prompt),
    promptVersionId: request.prompt.id,
    contactIds: request.contactIds,
    temperature: request.temperature ?? 0,
    messages: [{ role: "system", content: request.system }, ...request.messages],
    responseFormat: {
      type: "json_schema",
      json_schema: { name: request.name, strict: true, schema: request.jsonSchema },
    },
  });
  if (!result.ok)
    throw new AppError(
      result.refusal === "no_provider" ? "BAD_REQUEST" : "UPSTREAM_UNAVAILABLE",
      result.refusal === "no_provider" ? "aiProviderMissing" : "aiProviderBadFormat",
      { params: { refusal: result.refusal } },
    );
  try {
    return { answer: request.answer.parse(JSON.parse(result.content)) as z.infer<Answer>, call: result };
  } catch (error) {
    await markAiCallInvalid(request.organizationId, result.callId);
    throw new AppError("UPSTREAM_UNAVAILABLE", "aiProviderBadFormat", { cause: error });
  }
}
