import { describe, expect, it } from "vitest";
import { isUiSentence, uiSentences } from "../support/ui-sentences";

/**
 * Literals that are data, not UI: the words the AI learns labels from, the sample it is tested with and
 * its instructions to the model, and the opt-out keywords people type.
 */
const dataBearing = new Set([
  "src/server/domain/ai/local-corpus.ts",
  "src/server/domain/ai-prompts/default-prompts.ts",
  "src/server/domain/ai-replies/reply-prompts.ts",
  "src/server/domain/ai/test-ai-provider.ts",
  "src/server/domain/consent/consent-keywords.ts",
]);

describe("no UI sentences in src/server and src/shared", () => {
  it("recognises pt-BR and English sentences, not codes, SQL or log lines", () => {
    expect(isUiSentence("Campanha não encontrada.")).toBe(true);
    expect(isUiSentence("Escolha ao menos um número")).toBe(true);
    expect(isUiSentence("Something went wrong on our side.")).toBe(true);
    expect(isUiSentence("campaignNotFound")).toBe(false);
    expect(isUiSentence("SELECT id FROM campaigns WHERE status = 'running'")).toBe(false);
    expect(isUiSentence("webhook delivery failed")).toBe(false);
  });

  it("finds none outside the allowlists", () => {
    const hits = uiSentences(["src/server", "src/shared"]).filter((hit) => !dataBearing.has(hit.file));
    expect(hits.map((hit) => `${hit.file}:${hit.line} ${hit.text}`)).toEqual([]);
  });
});
