import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrganization, TEST_PASSWORD } from "../support/factory";
import { launchBrowser, signInThroughPage } from "../support/browser";
import { seedContacts } from "../support/campaign-fixtures";
import { baseUrl } from "../support/test-env";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const csv = ["Nome;Celular", "Joana Prado;(11) 98765-1001", "Lucas Reis;(11) 98765-1002"].join("\r\n");

describe("contacts list after an import (Chromium)", () => {
  it("shows the imported contacts and the new count as soon as the import completes, without a reload", async () => {
    const org = await makeOrganization();
    await seedContacts(org.organizationId, [{ phone: "+5511987651000", name: "Já Existia", consent: "opted_in" }]);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInThroughPage(page, org.ownerEmail, TEST_PASSWORD);
    await page.waitForURL(`${baseUrl}/inbox`);
    await page.goto(`${baseUrl}/contacts`);
    await page.getByTestId("contact-row").filter({ hasText: "Já Existia" }).waitFor();
    expect(await page.getByTestId("contact-count").innerText()).toBe("1 contato");

    await page.getByTestId("import-button").click();
    await page.getByTestId("import-file-input").setInputFiles({
      name: "novos.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv, "utf8"),
    });
    await page.getByTestId("mapping-next").click();
    await page.getByTestId("import-preview").waitFor();
    await page.getByTestId("review-next").click();
    await page.getByTestId("import-confirm").click();
    await page.getByTestId("import-done").waitFor({ timeout: 30_000 });
    await page.getByTestId("import-close").click();

    // Within a moment of the completion, not after a throttle window or the next unrelated refetch.
    await expect.poll(() => page.getByTestId("contact-row").count(), { timeout: 2_500, interval: 100 }).toBe(3);
    expect(await page.getByTestId("contact-count").innerText()).toBe("3 contatos");
    await page.close();
  });
});
