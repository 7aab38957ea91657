import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOrganization } from "~/server/db/tenant";
import { allowExternalAi } from "../support/ai-settings";
import { launchBrowser, signInThroughPage } from "../support/browser";
import { textUpsert } from "../support/evolution-payloads";
import { TEST_PASSWORD } from "../support/factory";
import { deliver, inboxFixture } from "../support/inbox-pipeline";
import { startOpenAiCompatibleServer } from "../support/openai-compatible-server";
import { baseUrl } from "../support/test-env";

const API_KEY = "sk-e2e-prompts-key";
const MARKER = "Responda como um elogio.";

let browser: Browser;
let provider: Awaited<ReturnType<typeof startOpenAiCompatibleServer>>;
beforeAll(async () => {
  browser = await launchBrowser();
  provider = await startOpenAiCompatibleServer({
    apiKey: API_KEY,
    // The draft's words change the answer: the playground shows the draft, not the published version, ran.
    answer: (_text, _schema, body) => ({
      sentiment: "neutral",
      sentiment_score: 0,
      label: body.messages[0]?.content.includes(MARKER) ? "praise" : "purchase",
      confidence: 0.9,
      language: "pt",
    }),
    usage: { prompt_tokens: 321, completion_tokens: 45 },
  });
});
afterAll(async () => {
  await browser?.close();
  await provider?.close();
});

describe("AI prompts in the browser (Chromium)", () => {
  it(
    "an admin writes a draft, runs it in the playground on a conversation, then publishes it",
    { timeout: 180_000 },
    async () => {
      const { org, owner, instanceId, providerName } = await inboxFixture();
      await owner.ai.saveProvider({ baseUrl: provider.baseUrl, apiKey: API_KEY, model: "test-model", timeoutMs: 5000 });
      await allowExternalAi(owner);
      await deliver(
        org.organizationId,
        instanceId,
        textUpsert(providerName, { remoteJid: "5511987400001@s.whatsapp.net" }, "Quanto custa o plano anual?", {
          pushName: "Rita Prado",
        }),
      );
      await expect
        .poll(() => withOrganization(org.organizationId, (tx) => tx.messageInsight.count()), {
          // The worker's ai.classify slots are shared with every test running at once (some with slow
          // providers on purpose): under CI's load the job may wait its turn well past 20 s.
          timeout: 60_000,
        })
        .toBe(1);

      const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
      await signInThroughPage(page, org.ownerEmail, TEST_PASSWORD);
      await page.waitForURL(`${baseUrl}/inbox`);
      await page.goto(`${baseUrl}/ai`);
      await page.getByTestId("ai-tab-prompts").click();
      const rows = page.locator("[data-testid=prompt-versions] tr[data-version]");
      await rows.first().waitFor();
      expect(await rows.count()).toBe(1);
      expect(await rows.first().getAttribute("data-share")).toBe("100");

      // A new draft from version 1, with one more instruction.
      await rows.first().getByTestId("prompt-copy").click();
      const body = page.getByTestId("prompt-body");
      await body.fill(`${await body.inputValue()} ${MARKER}`);
      await page.getByTestId("prompt-save").click();
      const draft = page.locator('[data-testid=prompt-versions] tr[data-version="2"]');
      await draft.waitFor();
      expect(await draft.getAttribute("data-status")).toBe("draft");
      expect(await draft.getAttribute("data-share")).toBe("0");
      // The diff against the version answering now shows the added words.
      // (The diff is fetched after the draft row appears: wait for it rather than reading it at once.)
      await expect
        .poll(async () => (await page.getByTestId("prompt-diff").locator("ins").allTextContents()).join(""), {
          timeout: 15_000,
        })
        .toContain(MARKER);

      // An unknown variable is refused, worded in the UI's language.
      await draft.getByRole("button", { name: "Editar" }).click();
      await body.fill(`${await body.inputValue()} {{cliente}}`);
      await page.getByTestId("prompt-save").click();
      await page.getByText("Variáveis desconhecidas: cliente").waitFor();
      await page.getByRole("button", { name: "Cancelar" }).click();

      const playground = page.getByTestId("prompt-playground");
      expect(await playground.getByRole("heading").textContent()).toBe("Playground: versão 2");
      await playground.getByTestId("playground-conversation").click();
      await page.getByRole("option", { name: /Rita Prado/ }).click();
      await playground.getByTestId("playground-run").click();
      const result = playground.getByTestId("playground-result");
      await result.waitFor({ timeout: 15_000 });
      expect(await result.locator("pre").textContent()).toContain('"label": "praise"');
      expect(await result.textContent()).toContain("321");
      expect(await result.textContent()).toContain("45");
      expect(provider.requests.at(-1)!.body.messages[0]!.content).toContain(MARKER);
      // Nothing written on the conversation: its message keeps the published version's label.
      const insight = await withOrganization(org.organizationId, (tx) => tx.messageInsight.findFirstOrThrow());
      expect(insight.label).toBe("purchase");

      await draft.getByTestId("prompt-publish").click();
      await expect.poll(() => draft.getAttribute("data-share"), { timeout: 10_000 }).toBe("100");
      expect(await draft.getAttribute("data-status")).toBe("published");
      expect(await page.locator('[data-testid=prompt-versions] tr[data-version="1"]').getAttribute("data-share")).toBe(
        "0",
      );
      await page.close();
    },
  );
});
