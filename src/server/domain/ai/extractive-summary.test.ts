import { describe, expect, it } from "vitest";
import { extractiveSummary } from "./extractive-summary";

describe("extractiveSummary", () => {
  it("keeps the sentences about what the conversation is about, in their order", () => {
    const summary = extractiveSummary([
      "Oi, bom dia!",
      "Meu pedido 4521 chegou com a tela quebrada. Quero trocar o pedido.",
      "Obrigado por avisar.",
      "Pode trocar o pedido pela loja? A tela do celular veio quebrada mesmo.",
      "Sim, a troca do pedido sai em 5 dias úteis.",
      "Ok",
    ]);
    const lines = summary.split("\n");
    expect(lines).toHaveLength(3);
    expect(lines.every((line) => /pedido|tela/i.test(line))).toBe(true);
    expect(summary).not.toContain("bom dia");
    expect(lines[0]).toContain("chegou");
  });

  it("returns short conversations whole", () => {
    expect(extractiveSummary(["Oi", "Tudo bem?"])).toBe("Oi\nTudo bem?");
  });
});
