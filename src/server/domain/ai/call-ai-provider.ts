import OpenAI from "openai";
import type { ChatCompletionCreateParamsNonStreaming } from "openai/resources/chat/completions";
import { logger } from "../../logger";
import { admitAiCall } from "./admit-ai-call";
import type { AiCallRefusal, AiFeature } from "./ai-call-types";

export type { AiCallRefusal, AiFeature } from "./ai-call-types";
import type { AiCallPolicy } from "./load-ai-call-policy";
import { costOfCall, estimateCallCost } from "./model-prices";
import { blockedProviderAddress, ProviderAddressBlockedError, providerDispatcher } from "./provider-address-guard";
import type { ProviderSettings } from "./provider-settings";
import { settleAiCall } from "./record-ai-call";
import { redactPersonalData } from "./redact-personal-data";
import { providerFailureOf, type ProviderFailure } from "./provider-failure";
import { recordBudgetAlert } from "./record-budget-alert";

export type ChatMessage = { role: "system" | "user" | "assistant"; content: string };

export type AiCallResult =
  | {
      ok: true;
      content: string;
      model: string;
      callId: string;
      tokensIn: number;
      tokensOut: number;
      cost: number;
      latencyMs: number;
    }
  | { ok: false; refusal: Exclude<AiCallRefusal, "provider_failed"> }
  | { ok: false; refusal: "provider_failed"; failure: ProviderFailure; status: number | null };

export interface AiCallRequest {
  organizationId: string;
  feature: AiFeature;
  promptVersion: string;
  /** The organization's prompt version (ai_prompt_versions) the messages were written from. */
  promptVersionId?: string | null;
  /** The contacts whose words are in the prompt: one marked "sem IA" stops the call before anything is sent. */
  contactIds?: readonly string[];
  messages: ChatMessage[];
  responseFormat?: ChatCompletionCreateParamsNonStreaming["response_format"];
  temperature?: number;
  maxRetries?: number;
  /** A policy the caller already loaded (a batch of calls in one job); reloaded otherwise. */
  policy?: AiCallPolicy;
}

/**
 * The one way a model outside this machine is called. admitAiCall checks the policy (provider, external
 * transfer, "sem IA", budget) and reserves the call's estimated cost; then personal data is redacted,
 * the call made with the openai SDK (which retries 429/5xx honouring Retry-After), and the reservation
 * settled in `ai_calls` with tokens, cost and latency whatever the outcome.
 */
export async function callAiProvider(request: AiCallRequest): Promise<AiCallResult> {
  const { organizationId } = request;
  const admission = await admitAiCall({
    organizationId,
    feature: request.feature,
    promptVersion: request.promptVersion,
    promptVersionId: request.promptVersionId ?? null,
    contactIds: request.contactIds,
    policy: request.policy,
    plan: (policy, provider) => {
      const messages = policy.redact
        ? request.messages.map((message) => ({ ...message, content: redactPersonalData(message.content) }))
        : request.messages;
      const characters = messages.reduce((sum, message) => sum + message.content.length, 0);
      return {
        model: provider.model,
        input: messages,
        estimatedCost: estimateCallCost(policy.prices[provider.model], characters),
      };
    },
  });
  if (!admission.admitted) return { ok: false, refusal: admission.refusal };
  const { policy, provider, callId } = admission;
  const messages = admission.base.input as ChatMessage[];

  const started = performance.now();
  try {
    const client = await providerClient(provider, request.maxRetries);
    const completion = await client.chat.completions.create({
      model: provider.model,
      temperature: request.temperature ?? 0,
      messages,
      ...(request.responseFormat ? { response_format: request.responseFormat } : {}),
    });
    const tokensIn = completion.usage?.prompt_tokens ?? 0;
    const tokensOut = completion.usage?.completion_tokens ?? 0;
    const cost = costOfCall(policy.prices[provider.model], tokensIn, tokensOut);
    const latencyMs = Math.round(performance.now() - started);
    await settleAiCall(organizationId, callId, { tokensIn, tokensOut, cost, latencyMs, outcome: "ok" });
    if (cost > 0 && policy.budget !== null) await recordBudgetAlert(organizationId);
    return {
      ok: true,
      content: completion.choices[0]?.message.content ?? "",
      model: provider.model,
      callId,
      tokensIn,
      tokensOut,
      cost,
      latencyMs,
    };
  } catch (error) {
    const failure = providerFailureOf(error);
    logger.warn({ ...failure, err: error, organizationId, feature: request.feature }, "AI provider call failed");
    await settleAiCall(organizationId, callId, {
      latencyMs: Math.round(performance.now() - started),
      outcome: "failed",
      errorCode: failure.status ? `${failure.failure}_${failure.status}` : failure.failure,
    });
    return { ok: false, refusal: "provider_failed", ...failure };
  }
}

/** The openai SDK client for the organization's provider, after the address guard. */
export async function providerClient(provider: ProviderSettings, maxRetries = 2): Promise<OpenAI> {
  const blocked = await blockedProviderAddress(provider.baseUrl);
  if (blocked) throw new ProviderAddressBlockedError(new URL(provider.baseUrl).hostname, blocked);
  return new OpenAI({
    baseURL: provider.baseUrl,
    // Local servers (Ollama, vLLM…) often need no key; the SDK insists on one.
    apiKey: provider.apiKey ?? "no-key",
    timeout: provider.timeoutMs,
    maxRetries,
    fetchOptions: { dispatcher: providerDispatcher() },
  });
}
