import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOrganization } from "~/server/db/tenant";
import { launchBrowser, signInThroughPage } from "../support/browser";
import { allowExternalAi } from "../support/ai-settings";
import { autoReplySettings } from "../support/auto-reply-settings";
import { textUpsert } from "../support/evolution-payloads";
import { TEST_PASSWORD } from "../support/factory";
import { connectedInboxFixture, deliver } from "../support/inbox-pipeline";
import { startOpenAiCompatibleServer } from "../support/openai-compatible-server";
import { simulator } from "../support/simulator-control";
import { baseUrl } from "../support/test-env";

const API_KEY = "sk-e2e-replies-key";
const HOURS = "Atendemos de segunda a sexta, das 9h às 18h.";

let browser: Browser;
let model: Awaited<ReturnType<typeof startOpenAiCompatibleServer>>;
beforeAll(async () => {
  browser = await launchBrowser();
  model = await startOpenAiCompatibleServer({
    apiKey: API_KEY,
    answer: (_text, schema) =>
      schema === "reply_suggestions"
        ? { suggestions: [HOURS, "Posso ajudar em algo mais?"] }
        : schema === "auto_reply_decision"
          ? { decision: "reply", handoff_reason: "none", reply: HOURS, confidence: 0.95 }
          : { sentiment: "neutral", sentiment_score: 0, label: "question", confidence: 0.9, language: "pt" },
  });
});
afterAll(async () => {
  await browser?.close();
  await model?.close();
});

async function fixtureWithCustomer(phone: string, customer: string, text: string, draftMode: boolean | null) {
  const fixture = await connectedInboxFixture(phone);
  const { owner, org, instanceId, providerName } = fixture;
  await owner.ai.saveProvider({ baseUrl: model.baseUrl, apiKey: API_KEY, model: "test-model", timeoutMs: 5000 });
  await allowExternalAi(owner);
  await owner.aiReplies.saveKnowledge({ kind: "qa", question: "Qual o horário?", content: HOURS });
  if (draftMode !== null) await owner.aiReplies.saveAutoReplySettings(autoReplySettings(instanceId, { draftMode }));
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signInThroughPage(page, org.ownerEmail, TEST_PASSWORD);
  await page.waitForURL(`${baseUrl}/inbox`);
  await deliver(
    org.organizationId,
    instanceId,
    textUpsert(providerName, { remoteJid: `${phone.replace(/^5511900/, "5511987")}@s.whatsapp.net` }, text, {
      pushName: customer,
    }),
  );
  await openConversation(page, customer);
  return { ...fixture, page };
}

async function openConversation(page: Page, customer: string) {
  const row = page.getByTestId("conversation-row").filter({ hasText: customer });
  await row.waitFor({ timeout: 15_000 });
  await row.click();
}

const sentTexts = async (providerName: string) => (await simulator.sent(providerName)).map((s) => s.text);

describe("AI replies in the browser (Chromium)", () => {
  it("an agent takes a suggested reply in the composer, sends it, and the IA page counts it as used", async () => {
    const { page, providerName, org } = await fixtureWithCustomer(
      "5511900004001",
      "Rita Souza",
      "Vocês abrem que horas?",
      null,
    );
    await page.getByTestId("suggest-replies").click();
    const suggestion = page.getByTestId("suggestion").filter({ hasText: HOURS });
    await suggestion.waitFor({ timeout: 15_000 });
    await suggestion.click();
    expect(await page.getByTestId("composer-input").inputValue()).toBe(HOURS);
    await page.getByTestId("composer-send").click();
    await expect.poll(() => sentTexts(providerName), { timeout: 20_000 }).toEqual([HOURS]);
    const outcomes = await withOrganization(org.organizationId, (tx) =>
      tx.aiSuggestion.findMany({ select: { body: true, outcome: true }, orderBy: { body: "asc" } }),
    );
    expect(outcomes).toEqual([
      { body: HOURS, outcome: "used" },
      { body: "Posso ajudar em algo mais?", outcome: "discarded" },
    ]);

    await page.goto(`${baseUrl}/ai`);
    await expect.poll(() => page.getByTestId("ai-acceptance-rate").textContent(), { timeout: 15_000 }).toBe("50%");
    await page.close();
  });

  it("a 'rascunho' reply waits in the conversation until an agent approves it, then goes out", async () => {
    const { page, providerName } = await fixtureWithCustomer(
      "5511900004002",
      "Caio Lima",
      "Qual o horário de atendimento?",
      true,
    );
    const draft = page.getByTestId("bot-draft");
    await draft.waitFor({ timeout: 20_000 });
    expect(await draft.textContent()).toContain(HOURS);
    expect(await sentTexts(providerName)).toEqual([]);
    await draft.getByTestId("approve-draft").click();
    await expect.poll(() => sentTexts(providerName), { timeout: 20_000 }).toEqual([HOURS]);
    await draft.waitFor({ state: "detached", timeout: 15_000 });
    await page.close();
  });
});
