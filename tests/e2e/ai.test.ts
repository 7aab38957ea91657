import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signInThroughPage } from "../support/browser";
import { textUpsert } from "../support/evolution-payloads";
import { TEST_PASSWORD } from "../support/factory";
import { deliver, inboxFixture } from "../support/inbox-pipeline";
import { withOrganization } from "~/server/db/tenant";
import { allowExternalAi } from "../support/ai-settings";
import { startOpenAiCompatibleServer } from "../support/openai-compatible-server";
import { baseUrl } from "../support/test-env";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("AI in the browser (Chromium)", () => {
  it("chips arrive live on an inbound message, an agent corrects the label, the IA page counts it", async () => {
    const { org, instanceId, providerName } = await inboxFixture();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInThroughPage(page, org.ownerEmail, TEST_PASSWORD);
    await page.waitForURL(`${baseUrl}/inbox`);

    await deliver(
      org.organizationId,
      instanceId,
      textUpsert(providerName, { remoteJid: "5511987009001@s.whatsapp.net" }, "Meu pedido veio errado, que absurdo!", {
        pushName: "Paula Reis",
      }),
    );
    const row = page.getByTestId("conversation-row").filter({ hasText: "Paula Reis" });
    await row.waitFor({ timeout: 15_000 });
    await row.click();
    // Classified by the worker after the batch committed; the chips follow the live update. The worker is
    // shared with every earlier test file, whose leftover jobs of other organizations may still run.
    const chips = page.getByTestId("insight-chips");
    await chips.waitFor({ timeout: 40_000 });
    expect(await chips.getAttribute("data-label")).toBe("complaint");
    expect(await chips.getByTestId("insight-sentiment").textContent()).toBe("Negativo");
    expect(await chips.getByTestId("insight-label").textContent()).toBe("Reclamação");

    await chips.getByTestId("insight-label").click();
    await page.getByTestId("insight-label-menu").getByRole("menuitem", { name: "Compra/orçamento" }).click();
    await expect.poll(() => chips.getAttribute("data-label"), { timeout: 15_000 }).toBe("purchase");
    await chips.getByTestId("insight-reviewed").waitFor();
    expect(await chips.getByTestId("insight-reviewed").getAttribute("data-review")).toBe("corrected");

    await page.goto(`${baseUrl}/ai`);
    await page.getByTestId("ai-engine").getByText("Motor local — sem chave").waitFor();
    expect(await page.getByTestId("ai-total").textContent()).toBe("1 mensagem classificada");
    expect(await page.getByTestId("ai-by-label").locator('[data-key="complaint"]').textContent()).toContain("1");
    expect(await page.getByTestId("ai-accuracy-overall").textContent()).toContain("0%");
    expect(await page.getByTestId("ai-confusion").locator('[data-cell="complaint→purchase"]').textContent()).toBe("1");
    await page.close();
  });

  it("an admin sets up an OpenAI-compatible provider, tests the connection, and the key never comes back", async () => {
    const provider = await startOpenAiCompatibleServer({
      apiKey: "sk-e2e-secret-key",
      answer: () => ({ sentiment: "neutral", sentiment_score: 0, label: "purchase", confidence: 0.9, language: "pt" }),
    });
    try {
      const { org } = await inboxFixture();
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await signInThroughPage(page, org.ownerEmail, TEST_PASSWORD);
      await page.waitForURL(`${baseUrl}/inbox`);
      await page.goto(`${baseUrl}/ai`);
      const form = page.getByTestId("ai-provider");
      await form.getByLabel("URL base").fill(provider.baseUrl);
      await form.getByLabel("Chave de API").fill("sk-e2e-secret-key");
      await form.getByRole("textbox", { name: "Modelo", exact: true }).fill("test-model");
      await form.getByTestId("ai-provider-save").click();
      // Saved, but nothing leaves the machine until an admin turns external transfer on past the LGPD notice.
      await page.getByTestId("ai-engine").getByText("Motor local — sem chave").waitFor({ timeout: 15_000 });
      await page.getByTestId("ai-tab-settings").click();
      await page.getByTestId("ai-external-transfer").click();
      await page.getByText("Transferência internacional de dados (LGPD)").waitFor();
      await page.getByTestId("ai-transfer-accept").click();
      await page.getByTestId("ai-settings-save").click();
      await page.getByText("Configurações de IA salvas.").waitFor({ timeout: 15_000 });
      await page.getByRole("tab", { name: "Visão geral" }).click();
      await page.getByTestId("ai-engine").getByText("Provedor: test-model").waitFor({ timeout: 15_000 });
      await form.getByTestId("ai-provider-test").click();
      const result = form.getByTestId("ai-provider-test-result");
      await result.waitFor({ timeout: 15_000 });
      expect(await result.getAttribute("data-ok")).toBe("true");
      expect(provider.requests.at(-1)?.authorization).toBe("Bearer sk-e2e-secret-key");

      await page.reload();
      await form.getByLabel("Chave de API").waitFor();
      expect(await form.getByLabel("Chave de API").inputValue()).toBe("");
      expect(await page.content()).not.toContain("sk-e2e-secret-key");
      await page.close();
    } finally {
      await provider.close();
    }
  });

  it(
    "the IA page shows a logged call and the month's spend; a conversation shows its summary",
    { timeout: 180_000 },
    async () => {
      const provider = await startOpenAiCompatibleServer({
        apiKey: "sk-e2e-spend",
        answer: () => ({
          sentiment: "neutral",
          sentiment_score: 0,
          label: "purchase",
          confidence: 0.9,
          language: "pt",
        }),
        reply: () => "Cliente quer trocar o pedido 4521 por outro tamanho.",
        usage: { prompt_tokens: 1000, completion_tokens: 500 },
      });
      try {
        const { org, owner, instanceId, providerName } = await inboxFixture();
        await owner.ai.saveProvider({
          baseUrl: provider.baseUrl,
          apiKey: "sk-e2e-spend",
          model: "test-model",
          timeoutMs: 5000,
        });
        // R$ 0,30 a call.
        await owner.ai.saveModelPrices({ prices: { "test-model": { input: 100, output: 400 } } });
        await allowExternalAi(owner, { monthlyBudget: 10 });
        const text = "Quero trocar o pedido 4521, meu e-mail é rui@exemplo.com";
        await deliver(
          org.organizationId,
          instanceId,
          textUpsert(providerName, { remoteJid: "5511987009101@s.whatsapp.net" }, text, { pushName: "Rui Prado" }),
        );
        await expect
          .poll(
            () =>
              withOrganization(org.organizationId, (tx) => tx.messageInsight.count({ where: { engine: "provider" } })),
            // The worker's ai.classify slots are shared with every test running at once (some with slow
            // providers on purpose): under CI's load the job may wait its turn well past 20 s.
            { timeout: 60_000 },
          )
          .toBe(1);

        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        await signInThroughPage(page, org.ownerEmail, TEST_PASSWORD);
        await page.waitForURL(`${baseUrl}/inbox`);
        const row = page.getByTestId("conversation-row").filter({ hasText: "Rui Prado" });
        await row.waitFor({ timeout: 15_000 });
        await row.click();
        const summary = page.getByTestId("conversation-summary");
        await summary.getByTestId("summarize-conversation").click();
        await summary
          .getByTestId("conversation-summary-text")
          .getByText("Cliente quer trocar o pedido 4521 por outro tamanho.")
          .waitFor({ timeout: 15_000 });
        expect(await summary.locator("[data-engine]").getAttribute("data-engine")).toBe("provider");

        await page.goto(`${baseUrl}/ai`);
        const spend = page.getByTestId("ai-spend-value");
        await spend.waitFor();
        // The classification and the summary: R$ 0,60 of R$ 10,00.
        expect(await spend.textContent()).toMatch(/R\$\s0,60 de R\$\s10,00/);
        await page.getByTestId("ai-tab-calls").click();
        const calls = page.getByTestId("ai-calls").locator("tbody tr");
        await calls.first().waitFor({ timeout: 15_000 });
        expect(await calls.count()).toBe(2);
        await calls.filter({ hasText: "Classificação" }).click();
        const input = page.getByTestId("ai-call-input");
        await input.waitFor();
        expect(await input.textContent()).toContain("Quero trocar o pedido 4521, meu e-mail é [email]");
        await page.close();
      } finally {
        await provider.close();
      }
    },
  );
});
