import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signInThroughPage } from "../support/browser";
import { addMemberWithPassword, callerFor, makeOrganization, TEST_PASSWORD } from "../support/factory";
import { baseUrl } from "../support/test-env";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("audit page (Chromium)", () => {
  it("an admin filters by actor and action, pages through, opens an entry and exports exactly what is listed", async () => {
    const org = await makeOrganization();
    const admin = await addMemberWithPassword(org.organizationId, "admin");
    const asAdmin = callerFor(admin.userId, org.organizationId);
    // 55 entries by the admin: more than one page (50).
    for (let i = 0; i < 55; i++) await asAdmin.quickReplies.create({ shortcut: `atalho${i}`, body: "Olá" });
    await callerFor(org.ownerId, org.organizationId).tags.create({ name: "vip", color: "blue" });

    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signInThroughPage(page, org.ownerEmail, TEST_PASSWORD);
    await page.waitForURL(`${baseUrl}/inbox`);
    await page.goto(`${baseUrl}/settings`);
    await page.getByRole("tab", { name: "Auditoria", exact: true }).click();
    await page.getByTestId("audit-row").first().waitFor();

    await page.getByTestId("audit-actor").click();
    await page.getByRole("option", { name: "admin person" }).click();
    await page.getByTestId("audit-action").click();
    await page.getByRole("option", { name: "Resposta rápida criada" }).click();
    await expect
      .poll(() => page.getByTestId("audit-total").textContent(), { timeout: 15_000 })
      .toBe("50 registros de 55");
    expect(await page.getByTestId("audit-row").count()).toBe(50);
    await page.getByTestId("audit-more").click();
    await expect.poll(() => page.getByTestId("audit-row").count(), { timeout: 15_000 }).toBe(55);
    expect(await page.getByTestId("audit-more").count()).toBe(0);
    expect(await page.getByTestId("audit-row").first().textContent()).toContain("Resposta rápida criada");

    // The newest entry opens with its parameters, named in Portuguese.
    await page.getByTestId("audit-row").first().click();
    const detail = page.getByTestId("audit-detail");
    await detail.waitFor();
    expect(await detail.textContent()).toContain("admin person");
    expect(await page.getByTestId("audit-detail-params").textContent()).toContain("Atalhoatalho54");
    await page.keyboard.press("Escape");
    await detail.waitFor({ state: "hidden" });

    // The CSV holds the rows listed, no more.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("audit-export").click()]);
    const lines = (await readFile((await download.path())!, "utf8"))
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toHaveLength(1 + 55);
    expect(lines.slice(1).every((line) => line.includes(";quick_reply.created;") && line.includes(admin.email))).toBe(
      true,
    );

    // A period that ended before today holds nothing.
    await page.getByTestId("audit-to").fill("2020-01-01");
    await page.getByTestId("audit-empty").waitFor({ timeout: 15_000 });
    await page.close();
  });
});
