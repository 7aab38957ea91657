/** Exclusion and skip codes → `campaigns.reasons.*` keys (a failed send's reason is an error reason). */
const reasonKeys: Record<string, string> = {
  opted_out: "opted_out",
  blocked: "blocked",
  no_consent: "no_consent",
  invalid_number: "invalid_number",
  not_on_whatsapp: "not_on_whatsapp",
  recently_contacted: "recently_contacted",
  duplicate: "duplicate",
  cancelled: "cancelled",
  window_closed: "window_closed",
};

/** The message key for a reason, or null when it is not an exclusion or skip code. */
export function reasonKey(reason: string): string | null {
  return reasonKeys[reason] ?? null;
}
