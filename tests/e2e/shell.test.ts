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

describe("sign-in and the app shell (Chromium)", () => {
  it("a wrong password shows an error and keeps the person on the sign-in page", async () => {
    const org = await makeOrganization();
    const page = await browser.newPage();
    await signInThroughPage(page, org.ownerEmail, "wrong-password");
    await expect.poll(() => page.getByTestId("sign-in-error").textContent()).toBe("E-mail ou senha incorretos.");
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await page.close();
  });

  it("signs in, shows the shell in Portuguese, switches to English, receives a live event, signs out", async () => {
    const org = await makeOrganization("Padaria Central");
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${baseUrl}/settings`);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await signInThroughPage(page, org.ownerEmail, TEST_PASSWORD);
    await page.waitForURL(`${baseUrl}/inbox`);

    const nav = page.getByRole("navigation", { name: "Mirage" });
    for (const label of ["Instâncias", "Conversas", "Contatos", "Campanhas", "IA", "Métricas", "Configurações"]) {
      await expect.poll(() => nav.getByRole("link", { name: label, exact: true }).count()).toBe(1);
    }
    expect(await page.getByTestId("organization-name").textContent()).toBe("Padaria Central");
    expect(await page.getByTestId("empty-inbox").isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId("realtime-status").textContent()).toBe("Ao vivo");

    await page.getByText("English").first().click();
    await expect.poll(() => nav.getByRole("link", { name: "Conversations" }).count()).toBe(1);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");

    await nav.getByRole("link", { name: "Settings" }).click();
    await page.getByRole("tab", { name: "Diagnostics" }).click();
    await page.getByTestId("realtime-check").click();
    await expect
      .poll(() => page.getByTestId("realtime-check-result").textContent(), { timeout: 15_000 })
      .toMatch(/Event received in \d+ ms/);

    await page.getByTestId("sign-out").click();
    await page.waitForURL(`${baseUrl}/sign-in`);
    await page.goto(`${baseUrl}/inbox`);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await page.close();
  });

  it("works on a phone: the navigation opens from the menu button", async () => {
    const org = await makeOrganization();
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await signInThroughPage(page, org.ownerEmail, TEST_PASSWORD);
    await page.waitForURL(`${baseUrl}/inbox`);
    const contacts = page.getByRole("navigation", { name: "Mirage" }).getByRole("link", { name: "Contatos" });
    // Collapsed on a phone: the navigation sits off-screen until the menu button opens it.
    const offScreen = async () => {
      const box = await contacts.boundingBox();
      return !box || box.x + box.width <= 0;
    };
    expect(await offScreen()).toBe(true);
    await page.getByRole("button", { name: "Abrir menu" }).click();
    await expect.poll(offScreen).toBe(false);
    await contacts.click();
    await page.waitForURL(`${baseUrl}/contacts`);
    expect(await page.getByTestId("empty-contacts").isVisible()).toBe(true);
    await page.close();
  });

  it("an admin invites a member and sees the link to hand over; a bad e-mail is flagged next to its field", async () => {
    const org = await makeOrganization();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signInThroughPage(page, org.ownerEmail, TEST_PASSWORD);
    await page.waitForURL(`${baseUrl}/inbox`);
    await page.goto(`${baseUrl}/settings`);
    await page.getByRole("tab", { name: "Membros" }).click();
    await page.getByRole("button", { name: "Convidar pessoa" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("textbox", { name: "E-mail" }).fill("joana@");
    await dialog.getByRole("button", { name: "Criar convite" }).click();
    await expect.poll(() => dialog.getByText("Informe um e-mail válido.", { exact: true }).count()).toBe(1);
    await dialog.getByRole("textbox", { name: "E-mail" }).fill("joana.lima@example.com");
    await dialog.getByRole("button", { name: "Criar convite" }).click();
    await expect.poll(() => page.getByTestId("invitation-link").textContent()).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    await dialog.getByRole("button", { name: "Fechar" }).click();
    await expect.poll(() => page.getByTestId("invitations-table").getByText("joana.lima@example.com").count()).toBe(1);
    await page.close();
  });
});
