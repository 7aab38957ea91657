import { describe, expect, it } from "vitest";
import { defaultAiLabels, type AiLabel, type AiSentiment } from "../../../shared/ai-labels";
import { AI_OPT_OUT_CONFIDENCE } from "./apply-insight-opt-out";
import { classifyLocally } from "./local-engine";
import { intentCorpus } from "./local-corpus";

/** Held-out messages (none of them in the training corpus), worded as customers write on WhatsApp. */
const heldOut: [string, AiLabel | null, AiSentiment][] = [
  ["vocês funcionam no feriado?", "question", "neutral"],
  ["qual o horário de atendimento no sábado?", "question", "neutral"],
  ["vcs entregam em niterói?", "question", "neutral"],
  ["aceitam cartão de débito?", "question", "neutral"],
  ["onde vocês ficam?", "question", "neutral"],
  ["meu pedido chegou todo amassado, que absurdo", "complaint", "negative"],
  ["já liguei três vezes e ninguém resolve meu problema", "complaint", "negative"],
  ["cobraram duas vezes no meu cartão", "complaint", "negative"],
  ["o produto veio com defeito e ninguém me responde", "complaint", "negative"],
  ["péssimo, nunca mais compro aqui", "complaint", "negative"],
  ["qual o preço do plano?", "purchase", "neutral"],
  ["quanto custa a instalação?", "purchase", "neutral"],
  ["me passa um orçamento de 20 camisetas", "purchase", "neutral"],
  ["quero comprar dois kits", "purchase", "neutral"],
  ["parcela em 10 vezes?", "purchase", "neutral"],
  ["esqueci a senha do aplicativo", "support", "neutral"],
  ["o sistema não abre no meu celular", "support", "negative"],
  ["preciso da segunda via da fatura", "support", "neutral"],
  ["não consigo entrar na minha conta", "support", "negative"],
  ["o aparelho parou de funcionar, como resolvo?", "support", "negative"],
  ["amei o atendimento, muito obrigada!", "praise", "positive"],
  ["parabéns pela entrega rápida", "praise", "positive"],
  ["produto ótimo, recomendo demais", "praise", "positive"],
  ["vocês são excelentes", "praise", "positive"],
  ["ganhe dinheiro fácil clicando neste link", "spam", "neutral"],
  ["você foi sorteado e ganhou um prêmio, acesse o link", "spam", "neutral"],
  ["empréstimo fácil sem consulta, chama no privado", "spam", "neutral"],
  ["por favor não me mandem mais mensagens", "opt_out", "negative"],
  ["quero ser removido da lista", "opt_out", "neutral"],
  ["parem de enviar propaganda pra mim", "opt_out", "negative"],
  ["bom dia, tudo bem?", null, "neutral"],
  ["ok, combinado", null, "neutral"],
  ["what time do you close today?", "question", "neutral"],
  ["the product arrived damaged and nobody answers", "complaint", "negative"],
  ["how much for three of them?", "purchase", "neutral"],
  ["I can't reset my password", "support", "negative"],
  ["amazing service, thank you!", "praise", "positive"],
  ["please stop messaging me", "opt_out", "negative"],
];

describe("local engine (nlp.js, trained on the shipped corpus)", () => {
  it("labels clear pt-BR messages with high confidence", async () => {
    const complaint = await classifyLocally(
      "O pedido chegou quebrado e ninguém me responde, que absurdo!",
      defaultAiLabels,
    );
    expect(complaint).toMatchObject({ label: "complaint", sentiment: "negative", language: "pt" });
    expect(complaint.sentimentScore).toBeLessThan(-0.5);

    const praise = await classifyLocally("Adorei o atendimento de vocês, muito obrigada!", defaultAiLabels);
    expect(praise).toMatchObject({ label: "praise", sentiment: "positive" });
    expect(praise.sentimentScore).toBeGreaterThan(0.5);

    const optOut = await classifyLocally("Não quero mais receber mensagens de vocês", defaultAiLabels);
    expect(optOut.label).toBe("opt_out");
    expect(optOut.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it("leaves greetings unlabelled and reads English as English", async () => {
    expect((await classifyLocally("boa tarde", defaultAiLabels)).label).toBeNull();
    expect(await classifyLocally("how much is the monthly plan?", defaultAiLabels)).toMatchObject({
      label: "purchase",
      language: "en",
    });
  });

  it("chooses only among the organization's labels", async () => {
    // A price question is "purchase" with every label on; without it the engine must pick among the rest.
    expect((await classifyLocally("quanto custa o plano anual?", defaultAiLabels)).label).toBe("purchase");
    const result = await classifyLocally("quanto custa o plano anual?", ["question", "complaint"]);
    expect(result.label).not.toBe("purchase");
    expect(result.label === null || ["question", "complaint"].includes(result.label)).toBe(true);
  });

  it("never reads a cancelled order as a request to stop messages (that would opt the contact out)", async () => {
    for (const text of [
      "Gostaria de cancelar a compra, por favor.",
      "Gostaria de cancelar a compra, por favor. É sobre o fone, pedido 48213.",
      "Quero cancelar minha assinatura do plano.",
      "I need to cancel my order, please.",
    ]) {
      const insight = await classifyLocally(text, defaultAiLabels);
      expect(insight.label === "opt_out" && insight.confidence >= AI_OPT_OUT_CONFIDENCE, text).toBe(false);
    }
    for (const text of ["não quero mais receber mensagens de vocês", "SAIR", "stop texting me"]) {
      expect((await classifyLocally(text, defaultAiLabels)).label, text).toBe("opt_out");
    }
  });

  it("reaches its accuracy floor on held-out messages", async () => {
    for (const [text] of heldOut) {
      const trained = Object.values(intentCorpus).flatMap((c) => [...c.pt, ...c.en]);
      expect(trained, "held-out text must not be in the corpus").not.toContain(text);
    }
    let labels = 0;
    let sentiments = 0;
    const misses: string[] = [];
    const started = performance.now();
    for (const [text, label, sentiment] of heldOut) {
      const result = await classifyLocally(text, defaultAiLabels);
      if (result.label === label) labels++;
      else misses.push(`${text}: ${result.label} (expected ${label})`);
      if (result.sentiment === sentiment) sentiments++;
      else misses.push(`${text}: ${result.sentiment} (expected ${sentiment})`);
    }
    const perSecond = heldOut.length / ((performance.now() - started) / 1000);
    console.log(
      JSON.stringify({
        heldOut: heldOut.length,
        labelAccuracy: labels / heldOut.length,
        sentimentAccuracy: sentiments / heldOut.length,
        messagesPerSecond: Math.round(perSecond),
        misses,
      }),
    );
    expect(labels / heldOut.length).toBeGreaterThanOrEqual(0.8);
    expect(sentiments / heldOut.length).toBeGreaterThanOrEqual(0.7);
  });
});
