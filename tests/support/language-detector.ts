import en from "../../src/i18n/messages/en.json";
import ptBR from "../../src/i18n/messages/pt-BR.json";
import type { Locale } from "../../src/i18n/locales";
import { errorReasons } from "../../src/shared/error-reasons";
import { disconnectReasons, instanceEventDetails } from "../../src/shared/instance-reasons";
import { mediaFailures } from "../../src/shared/media-failure";
import { campaignPauseReasons } from "../../src/shared/schemas/campaigns";

const catalogs: Record<Locale, Record<string, unknown>> = { "pt-BR": ptBR, en };

/** Words a Portuguese text almost always has and an English one never does, and the other way round. */
const commonWords: Record<Locale, string[]> = {
  "pt-BR": [
    "não",
    "você",
    "vocês",
    "também",
    "está",
    "estão",
    "então",
    "são",
    "até",
    "após",
    "já",
    "mensagem",
    "mensagens",
    "contato",
    "contatos",
    "campanha",
    "campanhas",
    "número",
    "números",
    "configurações",
    "salvar",
    "cancelar",
    "enviar",
    "nenhum",
    "nenhuma",
    "conectada",
    "desconectada",
    "horário",
    "etiquetas",
    "hoje",
    "ontem",
    "agora",
    "semana",
    "pediram",
    "falhou",
    "usuário",
    "membros",
    "instância",
    "instâncias",
    "importar",
    "buscar",
    "todas",
    "todos",
    "para",
    "com",
    "sem",
    "uma",
    "pelo",
    "pela",
  ],
  en: [
    "the",
    "and",
    "with",
    "your",
    "you",
    "this",
    "that",
    "from",
    "of",
    "is",
    "are",
    "save",
    "cancel",
    "send",
    "contacts",
    "campaign",
    "campaigns",
    "settings",
    "members",
    "connected",
    "disconnected",
    "loading",
    "search",
    "failed",
    "error",
    "required",
    "unknown",
    "delete",
    "close",
    "next",
    "back",
    "none",
    "message",
    "messages",
    "today",
    "yesterday",
    "week",
    "number",
    "numbers",
    "import",
    "all",
    "new",
  ],
};

/** zod's default messages (English, and the European-Portuguese locale it ships). */
const zodDefaults = [
  /Too (?:small|big):/u,
  /Invalid (?:input|option|string|email|url|date|element|key|union|type)\b/u,
  /\bexpected (?:string|number|object|array|boolean|date|bigint|[<>]=?)/u,
  /\bDemasiado (?:pequeno|grande)/u,
  /\besperava\b/u,
  /Entrada inválida/u,
];

/** The literal text of an ICU message outside its arguments (`{count, plural, …}` and `{name}` dropped). */
export function icuLiterals(message: string): string[] {
  const chunks: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of message) {
    if (char === "{") {
      if (depth === 0) chunks.push(current);
      current = "";
      depth++;
    } else if (char === "}") depth = Math.max(0, depth - 1);
    else if (depth === 0) current += char;
  }
  chunks.push(current);
  return chunks.map((chunk) => chunk.trim()).filter(Boolean);
}

function flatten(node: Record<string, unknown>, prefix = "", out: Record<string, string> = {}) {
  for (const [key, value] of Object.entries(node)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out[path] = value;
    else flatten(value as Record<string, unknown>, path, out);
  }
  return out;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const wholeWord = (word: string, flags = "iu") =>
  new RegExp(`(?<![\\p{L}\\p{N}_])${escape(word)}(?![\\p{L}\\p{N}_])`, flags);

export interface LanguageFinding {
  kind: "otherLanguage" | "commonWord" | "zodDefault" | "rawKey" | "rawCode";
  match: string;
}

/** The shortest other-language catalog phrase worth looking for: shorter ones are names, units, brands. */
const MIN_PHRASE_LENGTH = 10;

/**
 * What, in text shown to a person using `locale`, belongs to the other language or to no language:
 * phrases of the other catalog that this one words differently, common words of the other language,
 * zod's default texts, raw message keys and raw codes. Anything this locale's own catalog says is
 * never a finding, so the detector cannot flag the UI for speaking its own language.
 */
export function languageDetector(locale: Locale) {
  const otherLocale: Locale = locale === "en" ? "pt-BR" : "en";
  const own = flatten(catalogs[locale]);
  const other = flatten(catalogs[otherLocale]);
  const ownText = Object.values(own).join("\n").toLowerCase();
  const ownHas = (text: string) => ownText.includes(text.toLowerCase());
  const ownHasWord = (word: string) => wholeWord(word).test(ownText);

  const phrases = new Set<string>();
  for (const [key, value] of Object.entries(other)) {
    if (own[key] === value) continue;
    for (const literal of icuLiterals(value))
      if (literal.length >= MIN_PHRASE_LENGTH && /\p{L}{3}/u.test(literal) && !ownHas(literal)) phrases.add(literal);
  }
  const words = commonWords[otherLocale]
    .filter((word) => !ownHasWord(word))
    .map((word) => [word, wholeWord(word)] as const);
  const ownTextAsWritten = Object.values(own).join("\n");
  const zod = zodDefaults.filter((pattern) => !pattern.test(ownTextAsWritten));
  const codes = [
    ...errorReasons,
    ...Object.keys(disconnectReasons),
    ...instanceEventDetails,
    ...mediaFailures,
    ...campaignPauseReasons,
  ].filter((code) => /[A-Z_]/.test(code) && !ownHasWord(code));
  const codeWords = codes.map((code) => [code, wholeWord(code, "u")] as const);
  const namespaces = Object.keys(catalogs[locale]).map(escape).join("|");
  const rawKey = new RegExp(
    `(?<![\\p{L}\\p{N}_@/.-])(?:${namespaces})\\.[A-Za-z][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+)*`,
    "gu",
  );
  const snakeCase = /(?<![\p{L}\p{N}_@/.:-])[a-z]+(?:_[a-z0-9]+)+(?![\p{L}\p{N}_@/.-])/gu;

  return {
    locale,
    /** How many catalog phrases are looked for (a guard that the detector is not empty). */
    phraseCount: phrases.size,
    find(shown: string): LanguageFinding[] {
      const findings: LanguageFinding[] = [];
      // Addresses are no language: "api.openai.com" has no Portuguese "com", an e-mail no code.
      const text = shown
        .replace(/https?:\/\/\S+/g, " ")
        .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, " ")
        .replace(/\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|io|br|dev)\b/g, " ");
      for (const phrase of phrases) if (text.includes(phrase)) findings.push({ kind: "otherLanguage", match: phrase });
      for (const [word, pattern] of words) if (pattern.test(text)) findings.push({ kind: "commonWord", match: word });
      for (const pattern of zod) {
        const match = pattern.exec(text);
        if (match) findings.push({ kind: "zodDefault", match: match[0] });
      }
      for (const match of text.matchAll(rawKey)) findings.push({ kind: "rawKey", match: match[0] });
      for (const [code, pattern] of codeWords) if (pattern.test(text)) findings.push({ kind: "rawCode", match: code });
      for (const match of text.matchAll(snakeCase))
        if (!ownHasWord(match[0])) findings.push({ kind: "rawCode", match: match[0] });
      return findings;
    },
  };
}

export type LanguageDetector = ReturnType<typeof languageDetector>;
