import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD } from "../support/factory";
import { launchBrowser, signInThroughPage } from "../support/browser";
import { connectedInboxFixture } from "../support/inbox-pipeline";
import { simulator } from "../support/simulator-control";
import { baseUrl } from "../support/test-env";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function connectedInbox() {
  const fixture = await connectedInboxFixture("5511900003333");
  // A second number and a tag make the inbox offer its instance and tag filters.
  await fixture.owner.instances.create({ name: "Vendas", purpose: "atendimento", dailySendLimit: 500 });
  await fixture.owner.tags.create({ name: "Entrega", color: "orange" });
  return fixture;
}

/** Whether an input's placeholder fits its text box (measured with the input's own font). */
function placeholderFits(input: Locator) {
  return input.evaluate((element: HTMLInputElement) => {
    const style = getComputedStyle(element);
    const context = document.createElement("canvas").getContext("2d")!;
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const text = context.measureText(element.placeholder).width;
    const box = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return { placeholder: element.placeholder, text: Math.ceil(text), box: Math.floor(box) };
  });
}

async function badgeBox(page: Page, name: string) {
  const badge = page.getByTestId("conversation-row").filter({ hasText: name }).getByTestId("unread-badge");
  await badge.waitFor();
  return badge.evaluate((element: HTMLElement) => {
    const label = element.querySelector<HTMLElement>("span") ?? element;
    return {
      width: element.getBoundingClientRect().width,
      height: element.getBoundingClientRect().height,
      clipped: label.scrollWidth > label.clientWidth,
      text: element.textContent,
    };
  });
}

describe("inbox list and attachments (Chromium)", () => {
  it("unread badges keep their shape beside long previews; filter placeholders are not cut", async () => {
    const { org, providerName } = await connectedInbox();
    const long = "Bom dia! Queria saber se o pedido que fiz semana passada já foi despachado, porque preciso dele";
    await simulator.inbound(providerName, { type: "text", from: "5511987650300", pushName: "Olívia", text: long });
    for (let i = 0; i < 12; i++)
      await simulator.inbound(providerName, { type: "text", from: "5511987650301", pushName: "Paulo", text: long });

    for (const width of [1024, 1280]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await signInThroughPage(page, org.ownerEmail, TEST_PASSWORD);
      await page.waitForURL(`${baseUrl}/inbox`);
      await expect.poll(async () => (await badgeBox(page, "Paulo")).text, { timeout: 20_000 }).toBe("12");
      const one = await badgeBox(page, "Olívia");
      expect(one.text).toBe("1");
      // A single digit is a circle, not an ellipse squeezed by the preview.
      expect(Math.abs(one.width - one.height), `width ${width}`).toBeLessThanOrEqual(1);
      const twelve = await badgeBox(page, "Paulo");
      expect(twelve.width, `width ${width}`).toBeGreaterThanOrEqual(twelve.height);
      expect(twelve.clipped, `width ${width}`).toBe(false);
      const preview = page
        .getByTestId("conversation-row")
        .filter({ hasText: "Paulo" })
        .getByTestId("conversation-preview");
      expect(await preview.evaluate((e) => e.scrollWidth > e.clientWidth), "the preview truncates instead").toBe(true);

      for (const testId of ["filter-instance", "filter-tag"]) {
        const fit = await placeholderFits(page.getByTestId(testId));
        expect(fit.text, `${testId} "${fit.placeholder}" at ${width}px`).toBeLessThanOrEqual(fit.box);
      }
      await page.close();
    }
  });

  it("a video that arrived without bytes shows its size and length, why, and a retry that fetches it", async () => {
    const { org, providerName } = await connectedInbox();
    // Evolution's own download for the webhook fails, then Mirage's fetch: the file "expired".
    await simulator.failMedia(providerName, 2);
    await simulator.inbound(providerName, { type: "video", from: "5511987650302", pushName: "Quitéria" });

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInThroughPage(page, org.ownerEmail, TEST_PASSWORD);
    await page.waitForURL(`${baseUrl}/inbox`);
    const row = page.getByTestId("conversation-row").filter({ hasText: "Quitéria" });
    await row.waitFor({ timeout: 15_000 });
    await row.click();
    const missing = page.getByTestId("media-missing");
    await missing.waitFor({ timeout: 15_000 });
    expect(await missing.getAttribute("data-failure")).toBe("provider_refused");
    expect(await missing.getByTestId("media-facts").innerText()).toMatch(/^Vídeo · 0:05 · [\d,]+ (B|KB)$/);
    expect(await missing.getByTestId("media-failure").innerText()).toContain("não entregou o arquivo");
    expect(await page.getByText("recusou o pedido").count()).toBe(0);

    await missing.getByTestId("media-retry").click();
    const video = page.getByTestId("message-bubble").locator("video");
    await video.waitFor({ timeout: 15_000 });
    expect(await video.getAttribute("src")).toMatch(/^\/api\/media\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId("media-missing").count()).toBe(0);
    await page.close();
  });
});
