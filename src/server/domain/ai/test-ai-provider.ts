import { APIConnectionTimeoutError, APIError } from "openai";
import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import type { Actor } from "../members/actor";
import { loadAiProvider } from "./load-ai-provider";
import { isProviderAddressBlocked } from "./provider-address-guard";
import { classifyWithProvider } from "./provider-engine";

export type ProviderFailure =
  "unauthorized" | "rate_limited" | "timeout" | "unreachable" | "blocked_address" | "http_error" | "invalid_answer";

export type ProviderTestResult =
  | { ok: true; latencyMs: number; label: string | null }
  | { ok: false; failure: ProviderFailure; status: number | null };

/** "Testar conexão": classifies one sample message with the saved provider and says how it went, as codes. */
export async function testAiProvider(actor: Actor): Promise<ProviderTestResult> {
  const { settings, labels } = await withOrganization(actor.organizationId, async (tx) => ({
    settings: await loadAiProvider(tx, actor.organizationId),
    labels: (
      await tx.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { aiLabels: true } })
    ).aiLabels,
  }));
  if (!settings) throw new AppError("NOT_FOUND", "Nenhum provedor de IA configurado.");
  const started = performance.now();
  try {
    const insight = await classifyWithProvider(settings, "Qual o preço do plano mensal?", labels);
    return { ok: true, latencyMs: Math.round(performance.now() - started), label: insight.label };
  } catch (error) {
    return { ok: false, ...providerFailureOf(error) };
  }
}

export function providerFailureOf(error: unknown): { failure: ProviderFailure; status: number | null } {
  if (isProviderAddressBlocked(error)) return { failure: "blocked_address", status: null };
  if (error instanceof APIConnectionTimeoutError) return { failure: "timeout", status: null };
  if (error instanceof APIError && error.status !== undefined) {
    const status = error.status;
    if (status === 401 || status === 403) return { failure: "unauthorized", status };
    if (status === 429) return { failure: "rate_limited", status };
    return { failure: "http_error", status };
  }
  if (error instanceof APIError) return { failure: "unreachable", status: null };
  return { failure: "invalid_answer", status: null };
}
