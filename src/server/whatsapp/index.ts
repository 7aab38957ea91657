import { env } from "../../env";
import { AppError } from "../errors";
import { CircuitBreaker } from "./circuit-breaker";
import { createEvolutionProvider } from "./evolution/client";
import { phoneFromCopiedJid } from "./evolution/jid";
import { evolutionServer } from "./evolution/server";
import type { WhatsAppProvider } from "./provider";

export type * from "./provider";
export { isPhoneAddress, phoneAddress } from "./provider";

/**
 * The phone digits of a chat id copied from a provider's tools or exports (e.g. a WhatsApp JID in a
 * CSV cell); null when it names no phone. Pure: no provider needs to be configured.
 */
export function phoneOfCopiedChatId(text: string): string | null {
  return phoneFromCopiedJid(text);
}

/** The provider new instances are created on (the only one configured today). */
export const DEFAULT_PROVIDER_KIND = "evolution";

// Kept on globalThis: Next may load this module more than once, and circuit breakers' state must be shared.
const globalForProviders = globalThis as typeof globalThis & {
  mirageWhatsAppProviders?: Map<string, WhatsAppProvider>;
};

function registry(): Map<string, WhatsAppProvider> {
  if (!globalForProviders.mirageWhatsAppProviders) {
    const settings = env();
    const evolution = createEvolutionProvider({
      server: evolutionServer(),
      timeoutMs: settings.EVOLUTION_TIMEOUT_MS,
      breaker: new CircuitBreaker({
        failureThreshold: settings.EVOLUTION_CIRCUIT_FAILURES,
        coolDownMs: settings.EVOLUTION_CIRCUIT_COOLDOWN_SECONDS * 1000,
      }),
    });
    globalForProviders.mirageWhatsAppProviders = new Map([[evolution.kind, evolution]]);
  }
  return globalForProviders.mirageWhatsAppProviders;
}

/** A provider by its kind (as stored on an instance, or named by a webhook route). */
export function whatsappProviderOfKind(kind: string): WhatsAppProvider {
  const provider = registry().get(kind);
  if (!provider)
    throw new AppError("INTERNAL", "internal", {
      details: { provider: kind },
    });
  return provider;
}

/** The provider an instance lives on: the one place domain code gets a provider from. */
export function whatsappProviderFor(instance: { provider: string }): WhatsAppProvider {
  return whatsappProviderOfKind(instance.provider);
}

/** Every configured provider (readiness, the watchdog's per-provider sync). */
export function whatsappProviders(): WhatsAppProvider[] {
  return [...registry().values()];
}

/**
 * Adds a provider under its kind (a second gateway, or a test's own); returns the undo. Instances
 * whose `provider` names it are then served by it.
 */
export function registerWhatsAppProvider(provider: WhatsAppProvider): () => void {
  const providers = registry();
  const previous = providers.get(provider.kind);
  providers.set(provider.kind, provider);
  return () => {
    if (previous) providers.set(provider.kind, previous);
    else providers.delete(provider.kind);
  };
}
