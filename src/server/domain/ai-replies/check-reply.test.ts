import { describe, expect, it } from "vitest";
import { checkReply } from "./check-reply";

const knowledge =
  "Plano anual: R$ 499,90. Suporte pelo (11) 4004-1234 ou em https://ajuda.exemplo.com.br/planos. Entrega grátis.";
const check = (reply: string, languages = { replyLanguage: "pt", customerLanguage: "pt" }) =>
  checkReply({ reply, knowledge, ...languages });

describe("checks on a generated reply", () => {
  it("passes a reply that only repeats what the knowledge base says", () => {
    expect(
      check("O plano anual custa 499,90 reais. Veja ajuda.exemplo.com.br/planos ou ligue 11 4004-1234."),
    ).toBeNull();
  });

  it("rejects a link, phone number or price the knowledge base does not have", () => {
    expect(check("Compre em https://promo-falsa.com/oferta")).toBe("unknown_link");
    expect(check("Ligue para (21) 99876-5432")).toBe("unknown_phone");
    expect(check("O plano anual sai por R$ 299,00")).toBe("unknown_price");
    expect(check("Custa só $10")).toBe("unknown_price");
  });

  it("rejects a reply that is too long or in another language than the customer's", () => {
    expect(check("a".repeat(701))).toBe("too_long");
    expect(check("Our annual plan is great", { replyLanguage: "en", customerLanguage: "pt" })).toBe(
      "language_mismatch",
    );
  });
});
