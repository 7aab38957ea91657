import { describe, expect, it } from "vitest";
import { redactPersonalData } from "./redact-personal-data";

describe("redactPersonalData", () => {
  it("masks e-mails, CPF, CNPJ and Brazilian and foreign phone numbers", () => {
    expect(
      redactPersonalData(
        "Sou a Ana, ana.souza@exemplo.com.br, CPF 123.456.789-09, empresa 12.345.678/0001-95, " +
          "fone +55 (11) 91234-5678 ou 11 3456 7890; nos EUA +1 415 555 0100. CPF sem pontos 12345678909.",
      ),
    ).toBe(
      "Sou a Ana, [email], CPF [cpf], empresa [cnpj], fone [telefone] ou [telefone]; nos EUA [telefone]. " +
        "CPF sem pontos [cpf].",
    );
  });

  it("leaves prices, dates, order numbers and short codes alone", () => {
    const text = "Pedido 4521 de 03/12/2026 custou R$ 1.299,90; código 123456.";
    expect(redactPersonalData(text)).toBe(text);
  });
});
