import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrganization, TEST_PASSWORD } from "../support/factory";
import { launchBrowser, signInThroughPage } from "../support/browser";
import { baseUrl } from "../support/test-env";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const csv = [
  "Nome;Celular;Etiquetas;Consentimento",
  "Ana Lima;(11) 98765-0001;VIP;sim",
  "Bruno Dias;(11) 98765-0002;;não",
  "Carla;9876-0003;;sim",
  "Ana de novo;11987650001;;sim",
].join("\r\n");

describe("contacts page (Chromium)", () => {
  it("imports a spreadsheet through the wizard, lists the contacts live and records consent by hand", async () => {
    const org = await makeOrganization();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInThroughPage(page, org.ownerEmail, TEST_PASSWORD);
    await page.waitForURL(`${baseUrl}/inbox`);
    await page.goto(`${baseUrl}/contacts`);
    await page.getByTestId("empty-contacts").waitFor();

    // Upload → mapping (suggested from the headers) → review, before anything is written.
    await page.getByTestId("import-button").click();
    await page.getByTestId("import-file-input").setInputFiles({
      name: "clientes.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv, "latin1"),
    });
    await page.getByTestId("mapping-next").click();
    const preview = page.getByTestId("import-preview");
    await preview.waitFor();
    expect(await preview.getByTestId("import-valid").innerText()).toContain("2");
    expect(await page.getByTestId("import-invalid-row").count()).toBe(2);
    expect(await page.getByTestId("import-invalid-row").nth(1).innerText()).toContain("já está na linha 2");

    // Legal basis and evidence, then the job runs with live progress.
    await page.getByTestId("review-next").click();
    await page.getByTestId("import-legal-basis").click();
    await page.getByRole("option", { name: "Consentimento" }).click();
    expect(await page.getByTestId("import-evidence").inputValue()).toBe("Planilha clientes.csv, coluna Consentimento");
    await page.getByTestId("import-confirm").click();
    const done = page.getByTestId("import-done");
    await done.waitFor({ timeout: 30_000 });
    expect(await done.getAttribute("data-status")).toBe("completed");
    expect(await page.getByTestId("import-created").innerText()).toContain("2");
    expect(await page.getByTestId("import-report-link").getAttribute("href")).toMatch(
      /^\/api\/contacts\/imports\/.+\/report$/,
    );
    await page.getByTestId("import-close").click();

    // The list shows them with their consent; the export link carries the filter.
    const ana = page.getByTestId("contact-row").filter({ hasText: "Ana Lima" });
    await ana.waitFor({ timeout: 15_000 });
    expect(await ana.getAttribute("data-consent")).toBe("opted_in");
    expect(await page.getByTestId("contact-row").filter({ hasText: "Bruno Dias" }).getAttribute("data-consent")).toBe(
      "opted_out",
    );
    await page.getByTestId("contact-search").fill("bruno");
    await expect.poll(() => page.getByTestId("contact-row").count(), { timeout: 10_000 }).toBe(1);
    expect(decodeURIComponent((await page.getByTestId("export-button").getAttribute("href")) ?? "")).toContain(
      '"search":"bruno"',
    );
    await page.getByTestId("contact-search").fill("");

    // The contact's page: its consent ledger, and an opt-out recorded by hand.
    await ana.click();
    const drawer = page.getByTestId("contact-detail");
    await drawer.waitFor();
    expect(await drawer.getByTestId("consent-entry").count()).toBe(1);
    await drawer.getByTestId("record-consent-button").click();
    await drawer.getByText("Pediu para sair").first().click();
    await drawer.getByTestId("consent-submit").click();
    await expect.poll(() => drawer.getByTestId("consent-entry").count(), { timeout: 10_000 }).toBe(2);
    expect(await drawer.getByTestId("consent-badge").first().getAttribute("data-consent")).toBe("opted_out");
    await page.close();
  });
});
