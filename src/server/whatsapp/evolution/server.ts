import { env } from "../../../env";

/** Where an Evolution API server is reached. `apiKey` is its global key. */
export interface ProviderServer {
  /** Stable id for the circuit breaker (one per Evolution server). */
  id: string;
  baseUrl: string;
  apiKey: string;
}

/** The Evolution API server instances live on (one per deployment, from settings). */
export function evolutionServer(): ProviderServer {
  const { evolution } = env();
  return { id: "default", baseUrl: evolution.url, apiKey: evolution.apiKey };
}
