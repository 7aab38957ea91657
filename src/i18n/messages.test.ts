import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { errorReasons } from "../shared/error-reasons";
import { disconnectReasons, instanceEventDetails } from "../shared/instance-reasons";
import { campaignPauseReasons } from "../shared/schemas/campaigns";
import { validationReasons } from "../shared/validation-issues";
import en from "./messages/en.json";
import ptBR from "./messages/pt-BR.json";

type Tree = { [key: string]: string | Tree };
const catalogs = { "pt-BR": ptBR as Tree, en: en as Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** The argument names a message uses, through plural and select branches. */
function argumentsOf(elements: MessageFormatElement[], names = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    names.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select)
      for (const option of Object.values(element.options)) argumentsOf(option.value, names);
    if (element.type === TYPE.tag) argumentsOf(element.children, names);
  }
  return names;
}

const flat = { "pt-BR": flatten(catalogs["pt-BR"]), en: flatten(catalogs.en) };

describe("messages", () => {
  it("has the same keys, valid ICU and the same arguments in pt-BR and English", () => {
    expect([...flat.en.keys()].sort()).toEqual([...flat["pt-BR"].keys()].sort());
    const mismatched: string[] = [];
    const argumentsOfKey = (locale: keyof typeof flat, key: string) => {
      try {
        return [...argumentsOf(parse(flat[locale].get(key)!))].sort();
      } catch (error) {
        return [`${locale} does not parse: ${String(error)}`];
      }
    };
    for (const key of flat["pt-BR"].keys()) {
      const ptArgs = argumentsOfKey("pt-BR", key);
      const enArgs = argumentsOfKey("en", key);
      if (ptArgs.join() !== enArgs.join()) mismatched.push(`${key}: ${ptArgs.join()} ≠ ${enArgs.join()}`);
    }
    expect(mismatched).toEqual([]);
  });

  it("words every code the server sends, in both locales", () => {
    const wanted = [
      ...errorReasons.map((reason) => `errors.${reason}`),
      ...validationReasons.map((reason) => `validation.${reason}`),
      ...["too_small.string", "too_big.string", "invalid_format.other", "invalid_type", "invalid"].map(
        (key) => `validation.${key}`,
      ),
      ...campaignPauseReasons.map((reason) => `campaigns.pause.${reason}`),
      ...instanceEventDetails.map((code) => `instances.timelineDetail.${code}`),
      ...Object.keys(disconnectReasons).map((code) => `instances.disconnect.${code}`),
    ];
    for (const catalog of Object.values(flat)) expect(wanted.filter((key) => !catalog.has(key))).toEqual([]);
  });

  it("counts with ICU plurals: one person asked to leave, two asked", () => {
    const t = createTranslator({ locale: "pt-BR", messages: ptBR, namespace: "contacts.import.review" });
    expect(t("consentSummary", { optedIn: 2, optedOut: 1, blank: 0 })).toBe(
      "2 com consentimento, 1 pediu para sair, 0 em branco (sem mudança).",
    );
    expect(t("consentSummary", { optedIn: 1, optedOut: 3, blank: 1 })).toBe(
      "1 com consentimento, 3 pediram para sair, 1 em branco (sem mudança).",
    );
    const tEn = createTranslator({ locale: "en", messages: en, namespace: "validation.too_small" });
    expect(tEn("string", { minimum: 1 })).toBe("Use at least 1 character.");
    expect(tEn("string", { minimum: 2 })).toBe("Use at least 2 characters.");
  });

  it("words a reason with its parameters in each locale", () => {
    const pt = createTranslator({ locale: "pt-BR", messages: ptBR, namespace: "errors" });
    const english = createTranslator({ locale: "en", messages: en, namespace: "errors" });
    expect(pt("campaignActionNotAllowed", { action: "pause" })).toBe(
      "Não é possível pausar uma campanha neste estado.",
    );
    expect(english("campaignActionNotAllowed", { action: "resume" })).toBe(
      "A campaign in this state cannot be resumed.",
    );
    expect(english("spreadsheetTooManyRows", { rows: 1, limit: 50_000 })).toBe(
      "The spreadsheet has 1 row; the limit is 50,000 per import. Split the file into smaller parts.",
    );
  });
});
