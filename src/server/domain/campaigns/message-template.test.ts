import { describe, expect, it } from "vitest";
import { renderTemplate, unknownVariables } from "./message-template";

const maria = { name: "Maria da Silva", phoneE164: "+5511987654321", customFields: { cidade: "Campinas" } };
const nameless = { name: null, phoneE164: "+5511987654321", customFields: {} };

describe("message templates", () => {
  it("fills variables, custom fields and fallbacks", () => {
    expect(renderTemplate("Olá, {{primeiro_nome}}! Novidades em {{cidade|sua cidade}}.", maria)).toBe(
      "Olá, Maria! Novidades em Campinas.",
    );
    expect(renderTemplate("Olá, {{ primeiro_nome | cliente }}! Novidades em {{cidade|sua cidade}}.", nameless)).toBe(
      "Olá, cliente! Novidades em sua cidade.",
    );
    expect(renderTemplate("Olá {{primeiro_nome}}, tudo bem?", nameless)).toBe("Olá, tudo bem?");
  });

  it("rejects unknown variables and malformed braces", () => {
    expect(unknownVariables("Oi {{nome}} de {{cidade}}", ["cidade"])).toEqual([]);
    expect(unknownVariables("Oi {{nmoe}} de {{cidade}}", [])).toEqual(["nmoe", "cidade"]);
    expect(unknownVariables("Oi {{nome}", [])).toEqual(["{{nome}"]);
  });
});
