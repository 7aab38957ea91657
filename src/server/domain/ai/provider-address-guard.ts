import type { Agent } from "undici";
import { env } from "../../../env";
import { blockedOutboundAddress, createGuardedDispatcher } from "../network/outbound-address-guard";

export {
  createGuardedDispatcher as createProviderDispatcher,
  isNonPublicAddress,
  isOutboundAddressBlocked as isProviderAddressBlocked,
  OutboundAddressBlockedError as ProviderAddressBlockedError,
} from "../network/outbound-address-guard";

/** The non-public address an AI provider URL has, unless its host is in AI_PROVIDER_PRIVATE_HOSTS (Ollama). */
export async function blockedProviderAddress(baseUrl: string): Promise<string | null> {
  return blockedOutboundAddress(baseUrl, env().AI_PROVIDER_PRIVATE_HOSTS);
}

let dispatcher: Agent | undefined;

/**
 * The HTTP dispatcher provider calls go through (the openai SDK's `fetchOptions.dispatcher`), allowing the
 * hosts in AI_PROVIDER_PRIVATE_HOSTS. IP literals skip DNS, so they are checked by `blockedProviderAddress`
 * before each call.
 */
export function providerDispatcher(): Agent {
  dispatcher ??= createGuardedDispatcher(env().AI_PROVIDER_PRIVATE_HOSTS);
  return dispatcher;
}
