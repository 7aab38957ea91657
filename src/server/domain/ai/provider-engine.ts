import OpenAI from "openai";
import { z } from "zod";
import { aiSentiments } from "../../../shared/ai-labels";
import { AppError } from "../../errors";
import type { Insight } from "./local-engine";
import { blockedProviderAddress, ProviderAddressBlockedError, providerDispatcher } from "./provider-address-guard";

export const PROVIDER_ENGINE = "provider" as const;
/** Stored with each insight the provider made: change it whenever the prompt or schema changes. */
export const PROMPT_VERSION = "classify-prompt-2026-12-02";

export interface ProviderSettings {
  baseUrl: string;
  apiKey: string | null;
  model: string;
  timeoutMs: number;
}

const NO_LABEL = "none";

const answerSchema = z.object({
  sentiment: z.enum(aiSentiments),
  sentiment_score: z.number().min(-1).max(1),
  label: z.string(),
  confidence: z.number().min(0).max(1),
  language: z.enum(["pt", "en", "other"]),
});

/**
 * Classifies one text with the organization's OpenAI-compatible provider (chat completions with a
 * JSON-schema answer).
 */
export async function classifyWithProvider(
  settings: ProviderSettings,
  text: string,
  labels: readonly string[],
): Promise<Insight> {
  const parsed = await completeWithJsonSchema(settings, {
    name: "message_insight",
    system:
      "You classify WhatsApp messages a business received (mostly Brazilian Portuguese, some English). " +
      `Answer with the message's sentiment and exactly one label among: ${labels.join(", ")}; ` +
      `or "${NO_LABEL}" when none fits (greetings, acknowledgements). "opt_out" means the sender asks to ` +
      "receive no more messages. confidence is your probability that the label is right.",
    messages: [{ role: "user", content: text.slice(0, 2000) }],
    jsonSchema: {
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
    answer: answerSchema,
  });
  const label = parsed.label !== NO_LABEL && labels.includes(parsed.label) ? parsed.label : null;
  return {
    sentiment: parsed.sentiment,
    sentimentScore: parsed.sentiment_score,
    label,
    confidence: parsed.confidence,
    language: parsed.language === "en" ? "en" : "pt",
  };
}

export interface ChatTurn {
  role: "user" | "assistant";
  content: string;
}

export interface JsonSchemaRequest<Answer extends z.ZodType> {
  /** The schema's name (also tells the call's feature apart in logs). */
  name: string;
  system: string;
  messages: ChatTurn[];
  jsonSchema: Record<string, unknown>;
  /** Parses the answer: a reply that does not fit is the provider's fault, not ours. */
  answer: Answer;
  temperature?: number;
}

/**
 * The one external model call: a chat completion whose answer must fit a strict JSON schema. Every AI
 * feature calls the provider through here (address guard, SDK retries of 429/5xx honouring Retry-After).
 */
export async function completeWithJsonSchema<Answer extends z.ZodType>(
  settings: ProviderSettings,
  request: JsonSchemaRequest<Answer>,
): Promise<z.infer<Answer>> {
  const blocked = await blockedProviderAddress(settings.baseUrl);
  if (blocked) throw new ProviderAddressBlockedError(new URL(settings.baseUrl).hostname, blocked);
  const client = new OpenAI({
    baseURL: settings.baseUrl,
    // Local servers (Ollama, vLLM…) often need no key; the SDK insists on one.
    apiKey: settings.apiKey ?? "no-key",
    timeout: settings.timeoutMs,
    maxRetries: 2,
    fetchOptions: { dispatcher: providerDispatcher() },
  });
  const completion = await client.chat.completions.create({
    model: settings.model,
    temperature: request.temperature ?? 0,
    messages: [{ role: "system", content: request.system }, ...request.messages],
    response_format: {
      type: "json_schema",
      json_schema: { name: request.name, strict: true, schema: request.jsonSchema },
    },
  });
  const content = completion.choices[0]?.message.content;
  try {
    return request.answer.parse(JSON.parse(content ?? ""));
  } catch (error) {
    throw new AppError("UPSTREAM_UNAVAILABLE", "aiProviderBadFormat", { cause: error });
  }
}
