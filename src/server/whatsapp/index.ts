import { env } from "../../env";
import { CircuitBreaker } from "./circuit-breaker";
import { createEvolutionProvider } from "./evolution/client";
import type { WhatsAppProvider } from "./provider";

export type * from "./provider";

// Kept on globalThis: Next may load this module more than once, and the circuit breaker's state must be shared.
const globalForProvider = globalThis as typeof globalThis & { mirageWhatsAppProvider?: WhatsAppProvider };

/** This process's WhatsApp gateway (Evolution API v2). Domain code calls it through the provider port. */
export function whatsappProvider(): WhatsAppProvider {
  if (!globalForProvider.mirageWhatsAppProvider) {
    const settings = env();
    globalForProvider.mirageWhatsAppProvider = createEvolutionProvider({
      timeoutMs: settings.EVOLUTION_TIMEOUT_MS,
      breaker: new CircuitBreaker({
        failureThreshold: settings.EVOLUTION_CIRCUIT_FAILURES,
        coolDownMs: settings.EVOLUTION_CIRCUIT_COOLDOWN_SECONDS * 1000,
      }),
    });
  }
  return globalForProvider.mirageWhatsAppProvider;
}
