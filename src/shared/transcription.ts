/** Why an inbound voice note has no transcript (codes; the UI words them under the player). */
export const transcriptSkips = [
  /** No provider: the local engine cannot transcribe audio. */
  "no_provider",
  "external_transfer_off",
  "contact_ai_opt_out",
  "budget_exhausted",
  "provider_failed",
  /** Off for the organization (Configurações → Recursos). */
  "feature_off",
] as const;
export type TranscriptSkip = (typeof transcriptSkips)[number];

export function transcriptSkipOf(value: string | null): TranscriptSkip | null {
  if (value === null) return null;
  return (transcriptSkips as readonly string[]).includes(value) ? (value as TranscriptSkip) : "provider_failed";
}
