import OpenAI from "openai";
import type { ChatCompletionCreateParamsNonStreaming } from "openai/resources/chat/completions";
import { withOrganization } from "../../db/tenant";
import { logger } from "../../logger";
import { BUDGET_ALERT_RATIO, monthSpend } from "./ai-spend";
import { loadAiCallPolicy, type AiCallPolicy } from "./load-ai-call-policy";
import { costOfCall } from "./model-prices";
import { blockedProviderAddress, ProviderAddressBlockedError, providerDispatcher } from "./provider-address-guard";
import { PROVIDER_ENGINE } from "./provider-settings";
import { recordAiCall } from "./record-ai-call";
import { redactPersonalData } from "./redact-personal-data";
import { providerFailureOf, type ProviderFailure } from "./provider-failure";
import { recordBudgetAlert } from "./record-budget-alert";

export type AiFeature =
  | "classification"
  | "summary"
  | "test_connection"
  | "suggestion"
  | "auto_reply"
  | "rewrite"
  | "playground"
  | "evaluation";

export type ChatMessage = { role: "system" | "user" | "assistant"; content: string };

/** Why no external call was made: the caller falls back to the local engine or reports the code. */
export type AiCallRefusal =
  "no_provider" | "external_transfer_off" | "contact_ai_opt_out" | "budget_exhausted" | "provider_failed";

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
 * The one way a model outside this machine is called. In order: a provider is configured, the
 * organization allows external transfer, no contact in the prompt is marked "sem IA", this month's spend
 * is under the budget; then personal data is redacted, the call made with the openai SDK (which retries
 * 429/5xx honouring Retry-After), and logged in `ai_calls` with tokens, cost and latency whatever the
 * outcome. Refusals for budget are logged too, so the log shows when the cap held calls back.
 */
export async function callAiProvider(request: AiCallRequest): Promise<AiCallResult> {
  const { organizationId } = request;
  const checked = await withOrganization(organizationId, async (tx) => {
    const policy = request.policy ?? (await loadAiCallPolicy(tx, organizationId));
    if (!policy.provider) return { refusal: "no_provider" as const, policy };
    if (!policy.externalTransfer) return { refusal: "external_transfer_off" as const, policy };
    if (request.contactIds?.length) {
      const optedOut = await tx.contact.count({
        where: { organizationId, id: { in: [...request.contactIds] }, aiOptOut: true },
      });
      if (optedOut) return { refusal: "contact_ai_opt_out" as const, policy };
    }
    if (policy.budget !== null) {
      const { spent } = await monthSpend(tx, organizationId, policy.timezone);
      if (spent >= policy.budget) return { refusal: "budget_exhausted" as const, policy };
    }
    return { refusal: null, policy };
  });
  const { policy } = checked;
  const messages = policy.redact
    ? request.messages.map((message) => ({ ...message, content: redactPersonalData(message.content) }))
    : request.messages;
  const provider = policy.provider;
  if (!provider) return { ok: false, refusal: "no_provider" };
  const base = {
    organizationId,
    feature: request.feature,
    engine: PROVIDER_ENGINE,
    providerHost: new URL(provider.baseUrl).host,
    model: provider.model,
    promptVersion: request.promptVersion,
    promptVersionId: request.promptVersionId ?? null,
    input: messages,
  };
  if (checked.refusal === "budget_exhausted") await recordAiCall({ ...base, outcome: "budget_exhausted" });
  if (checked.refusal) return { ok: false, refusal: checked.refusal };

  const started = performance.now();
  try {
    const blocked = await blockedProviderAddress(provider.baseUrl);
    if (blocked) throw new ProviderAddressBlockedError(new URL(provider.baseUrl).hostname, blocked);
    const client = new OpenAI({
      baseURL: provider.baseUrl,
      // Local servers (Ollama, vLLM…) often need no key; the SDK insists on one.
      apiKey: provider.apiKey ?? "no-key",
      timeout: provider.timeoutMs,
      maxRetries: request.maxRetries ?? 2,
      fetchOptions: { dispatcher: providerDispatcher() },
    });
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
    const callId = await recordAiCall({ ...base, tokensIn, tokensOut, cost, latencyMs, outcome: "ok" });
    if (cost > 0 && policy.budget !== null) await recordBudgetAlert(organizationId, BUDGET_ALERT_RATIO);
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
    await recordAiCall({
      ...base,
      latencyMs: Math.round(performance.now() - started),
      outcome: "failed",
      errorCode: failure.status ? `${failure.failure}_${failure.status}` : failure.failure,
    });
    return { ok: false, refusal: "provider_failed", ...failure };
  }
}
