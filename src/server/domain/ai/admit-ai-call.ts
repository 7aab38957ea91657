import type { Prisma } from "../../db/client";
import { withOrganization } from "../../db/tenant";
import { monthSpend } from "./ai-spend";
import type { AiCallRefusal, AiFeature } from "./ai-call-types";
import { loadAiCallPolicy, type AiCallPolicy } from "./load-ai-call-policy";
import { PROVIDER_ENGINE, type ProviderSettings } from "./provider-settings";
import { recordAiCall, type AiCallRecord } from "./record-ai-call";
import { recordBudgetAlert } from "./record-budget-alert";

/** What a call will send and may cost, decided once the policy (redaction, prices) is known. */
export interface PlannedCall {
  model: string;
  /** What is sent, after redaction: logged as is. */
  input: Prisma.InputJsonValue;
  /** The most the call may cost: reserved against the budget until the call settles. */
  estimatedCost: number;
}

export type Admission =
  | { admitted: true; policy: AiCallPolicy; provider: ProviderSettings; callId: string; base: AiCallRecord }
  | { admitted: false; refusal: Exclude<AiCallRefusal, "provider_failed"> };

/**
 * Whether a call may leave the machine, and if so its place in the budget. In order: a provider is
 * configured, the organization allows external transfer, no contact in the prompt is marked "sem IA",
 * and this month's spend — settled calls plus the estimates of calls still in flight — is under the
 * budget. The check and the reservation (an `ai_calls` row, outcome `reserved`, at the estimated cost)
 * happen under the organization's row lock, so concurrent calls are admitted one after the other and
 * the cap is overshot by at most the last admitted call. Refusals for budget are logged too.
 */
export async function admitAiCall(request: {
  organizationId: string;
  feature: AiFeature | "transcription";
  promptVersion: string;
  /** The organization's prompt version (ai_prompt_versions) the messages were written from. */
  promptVersionId?: string | null;
  contactIds?: readonly string[];
  policy?: AiCallPolicy;
  plan: (policy: AiCallPolicy, provider: ProviderSettings) => PlannedCall;
}): Promise<Admission> {
  const { organizationId } = request;
  const checked = await withOrganization(organizationId, async (tx) => {
    const policy = request.policy ?? (await loadAiCallPolicy(tx, organizationId));
    const provider = policy.provider;
    if (!provider) return { refusal: "no_provider" as const };
    if (!policy.externalTransfer) return { refusal: "external_transfer_off" as const };
    if (request.contactIds?.length) {
      const optedOut = await tx.contact.count({
        where: { organizationId, id: { in: [...request.contactIds] }, aiOptOut: true },
      });
      if (optedOut) return { refusal: "contact_ai_opt_out" as const };
    }
    const plan = request.plan(policy, provider);
    const base: AiCallRecord = {
      organizationId,
      feature: request.feature,
      engine: PROVIDER_ENGINE,
      providerHost: new URL(provider.baseUrl).host,
      model: plan.model,
      promptVersion: request.promptVersion,
      promptVersionId: request.promptVersionId ?? null,
      input: plan.input,
      outcome: "reserved",
    };
    if (policy.budget !== null) {
      // Serialises admissions of this organization (only them: nothing else locks the row for long).
      await tx.$queryRaw`SELECT 1 FROM organizations WHERE id = ${organizationId}::uuid FOR UPDATE`;
      const { spent } = await monthSpend(tx, organizationId, policy.timezone);
      if (spent >= policy.budget) return { refusal: "budget_exhausted" as const, base };
    }
    const { id } = await tx.aiCall.create({
      data: {
        organizationId,
        feature: base.feature,
        engine: base.engine,
        providerHost: base.providerHost,
        model: base.model,
        promptVersion: base.promptVersion,
        promptVersionId: base.promptVersionId ?? null,
        input: base.input,
        outcome: "reserved",
        cost: plan.estimatedCost,
      },
      select: { id: true },
    });
    return { refusal: null, policy, provider, callId: id, base };
  });
  if (checked.refusal === "budget_exhausted") {
    await recordAiCall({ ...checked.base, outcome: "budget_exhausted" });
    // Reservations can reach the cap before settled spend does: the 100% notice is given when it is real.
    await recordBudgetAlert(organizationId);
  }
  if (checked.refusal !== null) return { admitted: false, refusal: checked.refusal };
  return {
    admitted: true,
    policy: checked.policy,
    provider: checked.provider,
    callId: checked.callId,
    base: checked.base,
  };
}
