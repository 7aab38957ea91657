import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import type { Actor } from "../members/actor";
import { loadAiCallPolicy } from "./load-ai-call-policy";
import { classifyWithProvider } from "./provider-engine";
import { activePrompts, promptFor } from "../ai-prompts/active-prompts";
import type { testAiProviderOutput } from "./ai-outputs";
import type { z } from "../../../shared/zod";

export type ProviderTestResult = z.infer<typeof testAiProviderOutput>;

/**
 * "Testar conexão": classifies one sample message with the saved provider through the call path (so it
 * is logged, budgeted and refused when external transfer is off) and says how it went, as codes.
 */
export async function testAiProvider(actor: Actor): Promise<ProviderTestResult> {
  const { policy, labels, prompts } = await withOrganization(actor.organizationId, async (tx) => ({
    policy: await loadAiCallPolicy(tx, actor.organizationId),
    prompts: await activePrompts(tx, actor.organizationId, "classification"),
    labels: (
      await tx.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { aiLabels: true } })
    ).aiLabels,
  }));
  if (!policy.provider) throw new AppError("NOT_FOUND", "aiProviderMissing");
  const started = performance.now();
  const result = await classifyWithProvider({
    organizationId: actor.organizationId,
    feature: "test_connection",
    prompt: promptFor(prompts, null),
    text: "Qual o preço do plano mensal?",
    labels,
    policy,
  });
  if (result.ok) return { ok: true, latencyMs: Math.round(performance.now() - started), label: result.insight.label };
  if (result.refusal === "provider_failed") return { ok: false, failure: result.failure, status: result.status };
  if (result.refusal === "no_provider") throw new AppError("NOT_FOUND", "aiProviderMissing");
  return { ok: false, failure: result.refusal, status: null };
}
