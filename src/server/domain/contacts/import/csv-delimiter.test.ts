import { describe, expect, it } from "vitest";
import { detectDelimiter } from "./csv-delimiter";

describe("detectDelimiter", () => {
  it("finds ; (Excel pt-BR) even with decimal commas in the cells", () => {
    expect(detectDelimiter("Nome;Telefone;Saldo\nAna;11987654321;10,50\nBia;11987654322;3,20\n")).toBe(";");
  });

  it("finds , and ignores delimiters inside quotes", () => {
    expect(detectDelimiter('nome,telefone\n"Silva; João",11987654321\n"Souza; Bia",11987654322')).toBe(",");
    expect(detectDelimiter('Nome;Telefone\n"Silva, João";11987654321\n"Souza, Bia";11987654322')).toBe(";");
  });

  it("finds tab", () => {
    expect(detectDelimiter("Nome\tTelefone\nAna\t11987654321\n")).toBe("\t");
  });

  it("a single column reads as ,", () => {
    expect(detectDelimiter("telefone\n11987654321\n11987654322\n")).toBe(",");
  });

  it("a header that agrees with the rows wins over a comma inside a name", () => {
    expect(detectDelimiter("Nome;Telefone;Cidade\nSilva, Ana;11987654321;Recife\nBia;11987654322;Natal")).toBe(";");
  });
});
