/** Words that opt a contact out when they are the whole message (configurable per organization). */
export const DEFAULT_OPT_OUT_KEYWORDS = [
  "sair",
  "parar",
  "pare",
  "stop",
  "cancelar",
  "descadastrar",
  "descadastre",
  "remover",
  "nao quero mais",
  "nao quero receber",
  "nao envie mais",
  "unsubscribe",
];

/** Words by which a contact who opted out opts back in with their own message. */
export const DEFAULT_OPT_IN_KEYWORDS = ["voltar", "quero voltar", "receber"];

/** Lower case, no accents, no punctuation, single spaces: "Não quero MAIS!!" → "nao quero mais". */
export function normalizeKeywordText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Whether a message is one of the keywords. The whole message must be the keyword (give or take
 * punctuation, case, accents and a short courtesy like "por favor"), so "não quero mais atrasos na
 * entrega" is a complaint, not an opt-out — while "SAIR", "Parar." and "não quero mais, obrigado" are.
 */
export function matchesKeyword(text: string, keywords: string[]): string | null {
  const normalized = normalizeKeywordText(text)
    .replace(/\b(por favor|pf|pfv|obrigad[oa]|obg|grato|grata)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (!normalized || normalized.length > 60) return null;
  for (const keyword of keywords) {
    const wanted = normalizeKeywordText(keyword);
    if (wanted && normalized === wanted) return keyword;
  }
  return null;
}
