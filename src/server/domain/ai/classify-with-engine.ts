import { logger } from "../../logger";
import { classifyLocally, type Insight } from "./local-engine";
import { LOCAL_ENGINE, LOCAL_ENGINE_VERSION, LOCAL_MODEL } from "./local-engine-identity";
import { classifyWithProvider, PROMPT_VERSION, PROVIDER_ENGINE, type ProviderSettings } from "./provider-engine";
import { providerFailureOf } from "./test-ai-provider";

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
 * One message through the provider when there is one. A provider still failing after the SDK's retries
 * does not leave the message unclassified: the local engine answers, and its insight says so.
 */
export async function classifyWithEngine(
  provider: ProviderSettings | null,
  text: string,
  labels: readonly string[],
): Promise<SignedInsight> {
  if (provider) {
    try {
      const insight = await classifyWithProvider(provider, text, labels);
      return { ...insight, signature: { engine: PROVIDER_ENGINE, model: provider.model, version: PROMPT_VERSION } };
    } catch (error) {
      logger.warn({ ...providerFailureOf(error), err: error }, "AI provider failed; local engine used");
    }
  }
  return { ...(await classifyLocally(text, labels)), signature: localSignature };
}
