import { describe, expect, it } from "vitest";
import { DEFAULT_OPT_IN_KEYWORDS, DEFAULT_OPT_OUT_KEYWORDS, matchesKeyword } from "./consent-keywords";

describe("matchesKeyword", () => {
  it.each([
    "SAIR",
    "sair",
    "Sair.",
    " PARAR! ",
    "Stop",
    "cancelar",
    "DESCADASTRAR",
    "Não quero mais",
    "nao quero mais, obrigado",
    "Parar por favor",
  ])("%s opts out", (text) => {
    expect(matchesKeyword(text, DEFAULT_OPT_OUT_KEYWORDS)).not.toBeNull();
  });

  it.each([
    "Quero sair do grupo da escola e entrar em outro",
    "não quero mais atrasos na entrega",
    "Pode parar de ligar às 7h?",
    "",
    "saída",
  ])("%s does not", (text) => {
    expect(matchesKeyword(text, DEFAULT_OPT_OUT_KEYWORDS)).toBeNull();
  });

  it("opting back in takes the contact's own word", () => {
    expect(matchesKeyword("VOLTAR", DEFAULT_OPT_IN_KEYWORDS)).toBe("voltar");
    expect(matchesKeyword("voltar a receber promoções?", DEFAULT_OPT_IN_KEYWORDS)).toBeNull();
  });

  it("uses the organization's own list", () => {
    expect(matchesKeyword("BASTA", ["basta"])).toBe("basta");
    expect(matchesKeyword("SAIR", ["basta"])).toBeNull();
  });
});
