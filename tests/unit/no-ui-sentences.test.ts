import { describe, expect, it } from "vitest";
import { isUiSentence, uiSentences } from "../support/ui-sentences";

/**
 * Literals that are data, not UI: the words the AI learns labels from, the sample it is tested with and
 * its instructions to the model, the opt-out keywords people type, and consent evidence quoting a message.
 */
const dataBearing = new Set([
  "src/server/domain/ai/local-corpus.ts",
  "src/server/domain/ai/provider-engine.ts",
  "src/server/domain/ai-replies/reply-prompts.ts",
  "src/server/domain/ai/test-ai-provider.ts",
  "src/server/domain/consent/consent-keywords.ts",
  "src/server/domain/consent/apply-consent-keywords.ts",
  "src/server/domain/ai/apply-insight-opt-out.ts",
  "src/server/domain/ai/apply-reviewed-opt-out.ts",
]);

/**
 * Still worded on the server, to be converted next: contact-import row reasons and the rejected-rows
 * and contacts CSV exports (to be worded in the organization's locale), the contact display-name
 * fallback and the inbox preview labels. Listed so the list can only shrink.
 */
const notYetConverted = new Set([
  "src/server/domain/contacts/custom-field-value.ts",
  "src/server/domain/contacts/phone-identity.ts",
  "src/server/domain/contacts/import/validate-rows.ts",
  "src/server/domain/contacts/run-contact-import.ts",
  "src/server/domain/contacts/contact-dto.ts",
  "src/server/domain/conversations/conversation-dto.ts",
  "src/server/domain/messages/message-content.ts",
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
    const hits = uiSentences(["src/server", "src/shared"]).filter(
      (hit) => !dataBearing.has(hit.file) && !notYetConverted.has(hit.file),
    );
    expect(hits.map((hit) => `${hit.file}:${hit.line} ${hit.text}`)).toEqual([]);
  });

  it("keeps the not-yet-converted list honest: each file on it still has sentences", () => {
    const files = new Set(uiSentences(["src/server", "src/shared"]).map((hit) => hit.file));
    expect([...notYetConverted].filter((file) => !files.has(file))).toEqual([]);
  });
});
