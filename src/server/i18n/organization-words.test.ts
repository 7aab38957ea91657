import { describe, expect, it } from "vitest";
import { organizationWords } from "./organization-words";

describe("organizationWords", () => {
  const instant = new Date("2026-03-05T17:30:00Z");

  it("words and dates in a Brazilian organization's locale and zone", () => {
    const words = organizationWords({ locale: "pt-BR", timezone: "America/Sao_Paulo" });
    expect(words.word("exports.campaignReport.columns.sentAt")).toBe("Enviado em");
    expect(words.word("errors.notOnWhatsapp")).toBe("Este número não está no WhatsApp.");
    expect(words.dateTime(instant)).toBe("05/03/2026 14:30");
  });

  it("words and dates in English for an English organization elsewhere", () => {
    const words = organizationWords({ locale: "en", timezone: "Asia/Tokyo" });
    expect(words.word("exports.campaignReport.columns.sentAt")).toBe("Sent");
    expect(words.word("exports.campaignReport.fileName", { slug: "natal" })).toBe("campaign-natal.csv");
    expect(words.dateTime(instant)).toBe("3/6/26 2:30 AM");
  });

  it("falls back to pt-BR for a locale it does not have", () => {
    expect(organizationWords({ locale: "fr", timezone: "UTC" }).locale).toBe("pt-BR");
  });
});
