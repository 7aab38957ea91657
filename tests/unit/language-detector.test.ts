import { describe, expect, it } from "vitest";
import en from "../../src/i18n/messages/en.json";
import ptBR from "../../src/i18n/messages/pt-BR.json";
import { icuLiterals, languageDetector } from "../support/language-detector";

const kinds = (findings: { kind: string }[]) => [...new Set(findings.map((finding) => finding.kind))];

describe("the language detector of the browser walk", () => {
  const forEnglish = languageDetector("en");
  const forPortuguese = languageDetector("pt-BR");

  it("keeps the literal text of ICU messages, not their arguments", () => {
    expect(icuLiterals("{count, plural, one {# contact} other {# contacts}} asked to leave")).toEqual([
      "asked to leave",
    ]);
    expect(icuLiterals("Hello {name}, welcome")).toEqual(["Hello", ", welcome"]);
  });

  it("looks for hundreds of catalog phrases in each direction", () => {
    expect(forEnglish.phraseCount).toBeGreaterThan(300);
    expect(forPortuguese.phraseCount).toBeGreaterThan(300);
  });

  it("catches a planted Portuguese sentence in English text, and English in Portuguese", () => {
    expect(kinds(forEnglish.find("Contacts\nNão foi possível salvar"))).toContain("commonWord");
    expect(kinds(forEnglish.find(`Inbox ${ptBR.empty.inbox.title}`))).toContain("otherLanguage");
    expect(kinds(forPortuguese.find(`Caixa de entrada ${en.empty.inbox.title}`))).toContain("otherLanguage");
    expect(kinds(forPortuguese.find("Salvar the changes"))).toEqual(["commonWord"]);
  });

  it("catches zod's default texts, raw message keys and raw codes", () => {
    expect(kinds(forPortuguese.find("Demasiado pequeno: esperava que o texto tivesse >= 2 caracteres"))).toContain(
      "zodDefault",
    );
    expect(kinds(forEnglish.find("Too small: expected string to have >=2 characters"))).toContain("zodDefault");
    expect(kinds(forEnglish.find("Status: instances.timelineDetail.foo"))).toEqual(["rawKey"]);
    expect(kinds(forPortuguese.find("Motivo: campaignNotFound"))).toEqual(["rawCode"]);
    expect(kinds(forPortuguese.find("Pausada: opt_out_rate"))).toEqual(["rawCode"]);
  });

  it("finds nothing in every message of the locale's own catalog, nor in e-mail addresses and URLs", () => {
    const flatten = (node: object): string[] =>
      Object.values(node).flatMap((value) => (typeof value === "string" ? [value] : flatten(value as object)));
    const ownEnglish = flatten(en).flatMap(icuLiterals).join("\n");
    const ownPortuguese = flatten(ptBR).flatMap(icuLiterals).join("\n");
    expect(forEnglish.find(ownEnglish)).toEqual([]);
    expect(forPortuguese.find(ownPortuguese)).toEqual([]);
    expect(forPortuguese.find("owner-1a2b3c4d@example.com http://localhost:3200/inbox?conversation=x")).toEqual([]);
    expect(forEnglish.find("Base URL https://api.openai.com/v1 or api.openai.com")).toEqual([]);
  });
});
