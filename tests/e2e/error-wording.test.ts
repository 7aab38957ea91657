import type { Browser, Page } from "playwright-core";
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

const wording = {
  "pt-BR": {
    tab: "Membros",
    open: "Convidar pessoa",
    send: "Criar convite",
    email: "E-mail",
    badEmail: "Informe um e-mail válido.",
    alreadyMember: "Esta pessoa já faz parte da organização.",
  },
  en: {
    tab: "Members",
    open: "Invite someone",
    send: "Create invitation",
    email: "E-mail",
    badEmail: "Enter a valid e-mail.",
    alreadyMember: "This person is already part of the organization.",
  },
} as const;

async function openInvite(page: Page, words: (typeof wording)[keyof typeof wording]) {
  await page.goto(`${baseUrl}/settings`);
  await page.getByRole("tab", { name: words.tab }).click();
  await page.getByRole("button", { name: words.open }).click();
  return page.getByRole("dialog");
}

describe("errors worded in the UI language (Chromium)", () => {
  it.each(Object.keys(wording) as (keyof typeof wording)[])(
    "%s: form validation uses the locale's zod map and an AppError reason is worded, never zod's default text",
    async (locale) => {
      const words = wording[locale];
      const org = await makeOrganization();
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await signInThroughPage(page, org.ownerEmail, TEST_PASSWORD);
      await page.waitForURL(`${baseUrl}/inbox`);
      // The language the person chose (the language switch stores it in this cookie).
      await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseUrl }]);

      const dialog = await openInvite(page, words);
      await dialog.getByRole("textbox", { name: words.email }).fill("joana@");
      await dialog.getByRole("button", { name: words.send }).click();
      await expect.poll(() => dialog.getByText(words.badEmail, { exact: true }).count()).toBe(1);
      const text = await dialog.innerText();
      expect(text).not.toMatch(/Demasiado|esperava|Too small|expected/i);

      // The owner is already a member: the server's reason code, worded here.
      await dialog.getByRole("textbox", { name: words.email }).fill(org.ownerEmail);
      await dialog.getByRole("button", { name: words.send }).click();
      await expect.poll(() => dialog.getByText(words.alreadyMember, { exact: true }).count()).toBe(1);
      expect(await dialog.innerText()).not.toContain("alreadyMember");
      await context.close();
    },
  );
});
