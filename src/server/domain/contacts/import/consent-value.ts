export type ConsentCell =
  { kind: "empty" } | { kind: "status"; status: "opted_in" | "opted_out" } | { kind: "unrecognised" };

const optedIn = new Set([
  "sim",
  "s",
  "yes",
  "y",
  "true",
  "verdadeiro",
  "v",
  "1",
  "x",
  "ok",
  "opt in",
  "optin",
  "aceito",
  "aceita",
  "aceitou",
  "autorizado",
  "autorizada",
  "autorizo",
  "autorizou",
  "consentiu",
  "consente",
  "concordo",
  "concorda",
  "✓",
  "✔",
  "☑",
]);
const optedOut = new Set([
  "nao",
  "n",
  "no",
  "false",
  "falso",
  "f",
  "0",
  "opt out",
  "optout",
  "recusou",
  "recusa",
  "recusado",
  "nao aceito",
  "nao aceita",
  "nao autorizado",
  "nao autorizo",
  "nao autoriza",
  "nao consente",
  "descadastrado",
  "sair",
  "✗",
  "✘",
]);
const blank = new Set(["", "-", "–", "—"]);

/** `"  Não! "` → `"nao"`: lower case, accents and surrounding punctuation off. */
export function normaliseConsentText(raw: string): string {
  return raw
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[-_]/g, " ")
    .replace(/\s+/g, " ")
    .replace(/^[\s.!;:,]+|[\s.!;:,]+$/g, "")
    .trim();
}

/**
 * A consent cell of an import. "sim", "yes", "true", "1", "x"… are an opt-in; "não", "no", "false",
 * "0"… are an explicit opt-out and are recorded as such (never messaging someone the spreadsheet says
 * refused is the safe reading); blank leaves the contact's consent as it is. Anything else is not
 * guessed: the row is rejected so a person decides.
 */
export function parseConsentCell(raw: string): ConsentCell {
  const text = normaliseConsentText(raw);
  if (blank.has(text)) return { kind: "empty" };
  if (optedIn.has(text)) return { kind: "status", status: "opted_in" };
  if (optedOut.has(text)) return { kind: "status", status: "opted_out" };
  return { kind: "unrecognised" };
}
