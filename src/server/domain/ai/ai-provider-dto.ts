/** What the browser may know of a provider: never the key, only whether one is stored. */
export interface AiProviderDto {
  baseUrl: string;
  model: string;
  timeoutMs: number;
  hasKey: boolean;
}
