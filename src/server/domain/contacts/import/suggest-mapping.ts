import type { ImportMapping } from "../../../../shared/schemas/contacts";

/** What the mapping step starts from: every attribute that a header name recognisably means. */
export interface SuggestedMapping {
  phone: number | null;
  name: number | null;
  tags: number | null;
  consent: number | null;
  fields: ImportMapping["fields"];
}

/** `"Telefone / WhatsApp"` → `"telefone whatsapp"`. */
export function normaliseHeader(header: string): string {
  return header
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

interface Words {
  /** Whole header equals one of these. */
  exact: string[];
  /** Header contains one of these as whole words ("Telefone celular", "Nome do cliente"). */
  partial: string[];
}

// Best first: a "WhatsApp" column beats "Celular", which beats "Telefone" (often a landline).
const phoneWords: Words = {
  exact: [
    "whatsapp",
    "whats",
    "zap",
    "celular",
    "cel",
    "mobile",
    "cell",
    "telefone",
    "phone",
    "fone",
    "tel",
    "numero",
    "number",
    "contato",
  ],
  partial: ["whatsapp", "celular", "mobile", "telefone", "phone", "fone"],
};
const nameWords: Words = {
  exact: ["nome", "name", "nome completo", "full name", "cliente", "razao social", "contact name"],
  partial: ["nome", "name"],
};
const tagWords: Words = {
  exact: ["tags", "tag", "etiquetas", "etiqueta", "marcadores", "labels", "segmento", "grupo"],
  partial: ["tags", "etiquetas"],
};
const consentWords: Words = {
  exact: ["consentimento", "consent", "opt in", "optin", "aceite", "autorizacao", "lgpd", "permissao"],
  partial: ["consentimento", "consent", "opt in", "optin", "aceita receber", "autoriza", "autorizacao"],
};

const hasWords = (header: string, words: string) => ` ${header} `.includes(` ${words} `);

/**
 * Guesses the mapping from header names (pt-BR and English): nome/name, telefone/celular/whatsapp,
 * tags/etiquetas, consentimento/opt-in, and custom fields by key or label. Each column is used once.
 */
export function suggestMapping(columns: string[], fields: { key: string; label: string }[]): SuggestedMapping {
  const headers = columns.map(normaliseHeader);
  const used = new Set<number>();
  const pick = (words: Words): number | null => {
    for (const word of words.exact) {
      const exact = headers.findIndex((h, i) => !used.has(i) && h === word);
      if (exact >= 0) return take(exact);
    }
    for (const word of words.partial) {
      const partial = headers.findIndex((h, i) => !used.has(i) && hasWords(h, word));
      if (partial >= 0) return take(partial);
    }
    return null;
  };
  const take = (index: number) => {
    used.add(index);
    return index;
  };
  // Custom fields first: their names are exact, the generic words are guesses.
  const fieldColumns: SuggestedMapping["fields"] = {};
  for (const field of fields) {
    const names = new Set([normaliseHeader(field.key), normaliseHeader(field.label)]);
    const index = headers.findIndex((h, i) => !used.has(i) && names.has(h));
    if (index >= 0) fieldColumns[field.key] = take(index);
  }
  const phone = pick(phoneWords);
  const consent = pick(consentWords);
  const tags = pick(tagWords);
  const name = pick(nameWords);
  const suggestion: SuggestedMapping = { phone, name, tags, consent, fields: fieldColumns };
  return suggestion;
}
