import type { AiCallRefusal } from "./call-ai-provider";
import type { AiCallPolicy } from "./load-ai-call-policy";
import { classifyLocally, type Insight } from "./local-engine";
import { LOCAL_ENGINE, LOCAL_ENGINE_VERSION, LOCAL_MODEL } from "./local-engine-identity";
import { classifyWithProvider, PROMPT_VERSION, PROVIDER_ENGINE } from "./provider-engine";

/** Which engine, model and engine/prompt version made an insight: stored with it and named in evidence. */
export interface EngineSignature {
  engine: string;
  model: string;
  version: string;
}

export type SignedInsight = Insight & { signature: EngineSignature };

export const localSignature: EngineSignature = {
  engine: LOCAL_ENGINE,
  model: LOCAL_MODEL,
  version: LOCAL_ENGINE_VERSION,
};

/**
 * One message through the provider when the call path allows it. A refusal (no provider, external
 * transfer off, budget spent, provider still failing after the SDK's retries) does not leave the message
 * unclassified: the local engine answers, its insight says so, and `refusal` tells the batch why.
 */
export async function classifyWithEngine(input: {
  organizationId: string;
  policy: AiCallPolicy;
  contactId: string | null;
  text: string;
  labels: readonly string[];
  /** Skip the provider (it refused earlier in the batch). */
  localOnly?: boolean;
}): Promise<SignedInsight & { refusal: AiCallRefusal | null }> {
  let refusal: AiCallRefusal | null = null;
  if (!input.localOnly) {
    const result = await classifyWithProvider({
      organizationId: input.organizationId,
      feature: "classification",
      text: input.text,
      labels: input.labels,
      contactIds: input.contactId ? [input.contactId] : [],
      policy: input.policy,
    });
    if (result.ok)
      return {
        ...result.insight,
        signature: { engine: PROVIDER_ENGINE, model: result.model, version: PROMPT_VERSION },
        refusal: null,
      };
    refusal = result.refusal;
  }
  return { ...(await classifyLocally(input.text, input.labels)), signature: localSignature, refusal };
}
