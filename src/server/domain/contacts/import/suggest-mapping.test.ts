import { describe, expect, it } from "vitest";
import { suggestMapping } from "./suggest-mapping";

describe("suggestMapping", () => {
  it("maps pt-BR headers", () => {
    expect(
      suggestMapping(
        ["Nome completo", "Celular", "Etiquetas", "Aceita receber mensagens?", "Cidade"],
        [{ key: "cidade", label: "Cidade" }],
      ),
    ).toEqual({ name: 0, phone: 1, tags: 2, consent: 3, fields: { cidade: 4 } });
  });

  it("maps English headers and prefers a WhatsApp column over a landline", () => {
    expect(suggestMapping(["Phone", "WhatsApp", "Name", "Tags", "Opt-in"], [])).toEqual({
      name: 2,
      phone: 1,
      tags: 3,
      consent: 4,
      fields: {},
    });
  });

  it("matches custom fields by key or label and leaves unknown columns out", () => {
    expect(
      suggestMapping(
        ["telefone", "data_nascimento", "Plano contratado", "Observações"],
        [
          { key: "data_nascimento", label: "Nascimento" },
          { key: "plano", label: "Plano contratado" },
        ],
      ),
    ).toEqual({ name: null, phone: 0, tags: null, consent: null, fields: { data_nascimento: 1, plano: 2 } });
  });

  it("does not take an order number for the phone", () => {
    expect(suggestMapping(["Número do pedido", "Nome"], []).phone).toBeNull();
  });
});
