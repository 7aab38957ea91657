/** Reason codes (and the engine's own words for skipped sends) → `campaigns.reasons.*` keys. */
const reasonKeys: Record<string, string> = {
  opted_out: "opted_out",
  blocked: "blocked",
  no_consent: "no_consent",
  invalid_number: "invalid_number",
  not_on_whatsapp: "not_on_whatsapp",
  recently_contacted: "recently_contacted",
  duplicate: "duplicate",
  "campanha cancelada": "cancelled",
  "janela encerrada": "window_closed",
};

/** The message key for a reason, or null when it is free text to show as it is. */
export function reasonKey(reason: string): string | null {
  return reasonKeys[reason] ?? null;
}
