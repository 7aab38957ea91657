import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signInThroughPage } from "../support/browser";
import { textUpsert } from "../support/evolution-payloads";
import { TEST_PASSWORD } from "../support/factory";
import { deliver, inboxFixture } from "../support/inbox-pipeline";
import { lastWeekInbound } from "../support/reporting-fixtures";
import { baseUrl } from "../support/test-env";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("metrics page (Chromium)", () => {
  it("shows the period's numbers, the volume per day and per number, and a day opens the inbox", async () => {
    const { org, instanceId, providerName } = await inboxFixture("Atendimento SP");
    for (const [phone, text] of [
      ["5511987653001", "Oi"],
      ["5511987653001", "Quero saber do pedido"],
      ["5511987653002", "Bom dia"],
    ] as const)
      await deliver(
        org.organizationId,
        instanceId,
        textUpsert(providerName, { remoteJid: `${phone}@s.whatsapp.net` }, text),
      );
    // Last week's messages, already rolled up: the delta compares with them.
    await lastWeekInbound(org.organizationId, instanceId, 2);

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInThroughPage(page, org.ownerEmail, TEST_PASSWORD);
    await page.waitForURL(`${baseUrl}/inbox`);
    await page.goto(`${baseUrl}/metrics`);
    await expect.poll(() => page.getByTestId("metric-inbound-value").textContent(), { timeout: 15_000 }).toBe("3");
    // 3 against 2 the week before.
    expect(await page.getByTestId("metric-inbound").textContent()).toContain("+50%");
    expect(await page.getByTestId("metric-firstResponseP50-value").textContent()).toBe("—");
    const row = page.getByTestId(`metrics-number-${instanceId}`);
    expect(await row.textContent()).toContain("Atendimento SP");
    expect(await page.getByTestId(`metrics-member-${org.ownerId}`).textContent()).toContain("Owner");
    await page.locator("[data-testid=volume-chart] .recharts-bar-rectangle").first().waitFor();

    // 30 days include last week's messages.
    await page.getByTestId("metrics-period").getByText("30 dias").click();
    await expect.poll(() => page.getByTestId("metric-inbound-value").textContent(), { timeout: 15_000 }).toBe("5");

    // The CSV holds the numbers on screen.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("metrics-export").click()]);
    const csv = await readFile((await download.path())!, "utf8");
    expect(csv).toContain("Mensagens recebidas;5;0");
    expect(csv).toMatch(/Atendimento SP;5;0;/);

    await page.locator("[data-testid=volume-chart] .recharts-bar-rectangle").last().click();
    await page.waitForURL(`${baseUrl}/inbox`);
    await page.close();
  });
});
