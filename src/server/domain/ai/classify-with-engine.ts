import type { AiCallRefusal } from "./call-ai-provider";
import type { AiCallPolicy } from "./load-ai-call-policy";
import { classifyLocally, type Insight } from "./local-engine";
import { LOCAL_ENGINE, LOCAL_ENGINE_VERSION, LOCAL_MODEL } from "./local-engine-identity";
import { classifyWithProvider, PROVIDER_ENGINE } from "./provider-engine";
import { promptLabel, type PromptRef } from "../ai-prompts/active-prompts";

/** Which engine, model and engine/prompt version made an insight: stored with it and named in evidence. */
export interface EngineSignature {
  engine: string;
  model: string;
  version: string;
  /** The organization's prompt version the provider was given (none for the local engine). */
  promptVersionId?: string | null;
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
  /** The classification prompt version of the message's conversation. */
  prompt: PromptRef;
  /** Skip the provider (it refused earlier in the batch). */
  localOnly?: boolean;
}): Promise<SignedInsight & { refusal: AiCallRefusal | null }> {
  let refusal: AiCallRefusal | null = null;
  if (!input.localOnly) {
    const result = await classifyWithProvider({
      organizationId: input.organizationId,
      feature: "classification",
      prompt: input.prompt,
      text: input.text,
      labels: input.labels,
      contactIds: input.contactId ? [input.contactId] : [],
      policy: input.policy,
    });
    if (result.ok)
      return {
        ...result.insight,
        signature: {
          engine: PROVIDER_ENGINE,
          model: result.model,
          version: promptLabel(input.prompt),
          promptVersionId: input.prompt.id,
        },
        refusal: null,
      };
    refusal = result.refusal;
  }
  return { ...(await classifyLocally(input.text, input.labels)), signature: localSignature, refusal };
}
