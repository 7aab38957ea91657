export const PROVIDER_ENGINE = "provider" as const;

/** The organization's provider as the call path uses it (key decrypted, server side only). */
export interface ProviderSettings {
  baseUrl: string;
  apiKey: string | null;
  model: string;
  /** The model voice notes are transcribed with. */
  transcriptionModel: string;
  timeoutMs: number;
}
