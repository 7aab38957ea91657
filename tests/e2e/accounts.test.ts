import { generate } from "otplib";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMemberWithPassword, callerFor, makeOrganization, TEST_PASSWORD, uniqueEmail } from "../support/factory";
import { launchBrowser, signInThroughPage } from "../support/browser";
import { linkIn, smtpInbox } from "../support/smtp-inbox";
import { baseUrl } from "../support/test-env";

let browser: Browser;
const inbox = smtpInbox();
beforeAll(async () => {
  browser = await launchBrowser();
  await inbox.start();
});
afterAll(async () => {
  await browser?.close();
  await inbox.stop();
});

describe("accounts in Chromium: invitations, password reset, two-step verification", () => {
  it("an admin invites from Configurações → Membros; the new person opens the link, creates the account and lands inside", async () => {
    const org = await makeOrganization("Loja do Convite");
    const admin = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signInThroughPage(admin, org.ownerEmail, TEST_PASSWORD);
    await admin.waitForURL(`${baseUrl}/inbox`);
    await admin.goto(`${baseUrl}/settings`);
    await admin.getByRole("tab", { name: "Membros", exact: true }).click();
    await admin.getByRole("button", { name: "Convidar pessoa" }).click();
    const email = uniqueEmail("browser-invitee");
    const dialog = admin.getByRole("dialog");
    await dialog.getByLabel("E-mail").fill(email);
    await dialog.getByRole("button", { name: "Criar convite" }).click();
    const link = (await admin.getByTestId("invitation-link").textContent())!;
    expect(link).toContain("/invite/");
    // SMTP is set in the test environment: the same link arrived by e-mail.
    expect(linkIn((await inbox.waitFor(email)).text, "/invite")).toBe(link);
    await dialog.getByRole("button", { name: "Fechar" }).click();
    await expect.poll(() => admin.getByTestId("invitations-table").textContent()).toContain(email);

    const guest = await browser.newContext();
    const page = await guest.newPage();
    await page.goto(link);
    await expect.poll(() => page.getByText("Convite para Loja do Convite").count()).toBe(1);
    await page.getByLabel("Seu nome").fill("Rita Gomes");
    await page.getByLabel("Senha", { exact: true }).fill("short");
    await page.getByRole("button", { name: "Criar conta e entrar" }).click();
    await expect.poll(() => page.getByText(/pelo menos 10/i).count()).toBeGreaterThan(0);
    await page.getByLabel("Senha", { exact: true }).fill("rita-long-password");
    await page.getByRole("button", { name: "Criar conta e entrar" }).click();
    await page.waitForURL(`${baseUrl}/inbox`);
    expect(await page.getByTestId("organization-name").textContent()).toBe("Loja do Convite");

    // The link is spent.
    const again = await guest.newPage();
    await again.goto(link);
    await expect.poll(() => again.getByTestId("invitation-problem").textContent()).toBe("Este convite já foi aceito.");
    await guest.close();
    await admin.reload();
    await admin.getByRole("tab", { name: "Membros", exact: true }).click();
    await expect.poll(() => admin.getByTestId("members-table").textContent()).toContain("Rita Gomes");
    await admin.close();
  });

  it("an existing account accepts only after signing in, and lands in the organization that invited it", async () => {
    const home = await makeOrganization("Casa Antiga");
    const person = await addMemberWithPassword(home.organizationId, "agent");
    const other = await makeOrganization("Casa Nova");
    const { link } = await callerFor(other.ownerId, other.organizationId).members.invite({
      email: person.email,
      role: "agent",
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(link);
    await page.getByRole("link", { name: "Entrar para aceitar" }).click();
    await page.waitForURL(/\/sign-in\?callbackUrl=/);
    await signInFromCurrentPage(page, person.email, TEST_PASSWORD);
    await page.waitForURL(link);
    await page.getByRole("button", { name: "Aceitar o convite" }).click();
    await page.waitForURL(`${baseUrl}/inbox`);
    // The header offers the switch between the two organizations, on the one that invited.
    await expect.poll(() => page.getByTestId("organization-switch").inputValue()).toBe("Casa Nova");
    await context.close();
  });

  it("'Esqueci minha senha' e-mails a link; the new password works, the old one and the other session do not", async () => {
    const org = await makeOrganization();
    const member = await addMemberWithPassword(org.organizationId, "agent");
    const elsewhere = await browser.newContext();
    const other = await elsewhere.newPage();
    await signInThroughPage(other, member.email, TEST_PASSWORD);
    await other.waitForURL(`${baseUrl}/inbox`);

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByTestId("forgot-password").click();
    await page.waitForURL(`${baseUrl}/forgot-password`);
    await page.getByLabel("E-mail").fill(member.email);
    await page.getByRole("button", { name: "Enviar link" }).click();
    await page.getByTestId("reset-requested").waitFor();
    const link = linkIn((await inbox.waitFor(member.email)).text, "/reset-password");

    await page.goto(link);
    await page.getByLabel("Nova senha").fill("reset-in-the-browser");
    await page.getByRole("button", { name: "Salvar nova senha" }).click();
    await page.getByTestId("reset-done").waitFor();
    // The session open elsewhere ended.
    await other.goto(`${baseUrl}/inbox`);
    expect(new URL(other.url()).pathname).toBe("/sign-in");
    // Single use.
    await page.goto(link);
    await page.getByLabel("Nova senha").fill("second-time-password");
    await page.getByRole("button", { name: "Salvar nova senha" }).click();
    await expect.poll(() => page.getByTestId("reset-problem").textContent()).toContain("já foi usado");

    await signInThroughPage(page, member.email, TEST_PASSWORD);
    await page.getByTestId("sign-in-error").waitFor();
    await signInThroughPage(page, member.email, "reset-in-the-browser");
    await page.waitForURL(`${baseUrl}/inbox`);
    await context.close();
    await elsewhere.close();
  });

  it("turns on two-step verification from the account page and signs in again with a TOTP code", async () => {
    const org = await makeOrganization();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signInThroughPage(page, org.ownerEmail, TEST_PASSWORD);
    await page.waitForURL(`${baseUrl}/inbox`);
    await page.getByTestId("account-link").click();
    await page.waitForURL(`${baseUrl}/account`);
    await expect.poll(() => page.getByTestId("sessions-table").textContent()).toContain("esta sessão");
    await page.getByRole("button", { name: "Ativar" }).click();
    await page.getByTestId("two-factor-qr").locator("svg").waitFor();
    const secret = (await page.getByTestId("two-factor-secret").textContent())!;
    await page.getByLabel("Código de 6 dígitos").fill("000000");
    await page.getByRole("button", { name: "Confirmar" }).click();
    await expect.poll(() => page.getByText("O código não está correto ou expirou.").count()).toBeGreaterThan(0);
    await page.getByLabel("Código de 6 dígitos").fill(await generate({ secret }));
    await page.getByRole("button", { name: "Confirmar" }).click();
    await expect.poll(() => page.getByTestId("recovery-codes").locator("code").count()).toBe(10);
    await page.getByRole("button", { name: "Pronto" }).click();
    await expect.poll(() => page.getByTestId("two-factor-on").textContent()).toContain("10");

    await context.clearCookies();
    // The password alone opens nothing: the page asks for the code.
    await signInThroughPage(page, org.ownerEmail, TEST_PASSWORD);
    const codeField = page.getByLabel("Código do autenticador ou de recuperação");
    await codeField.waitFor();
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await waitForNextTotpStep();
    await codeField.fill(await generate({ secret }));
    await page.getByRole("button", { name: "Entrar" }).click();
    await page.waitForURL(`${baseUrl}/inbox`);
    await context.close();
  });
});

async function signInFromCurrentPage(page: import("playwright-core").Page, email: string, password: string) {
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Senha").fill(password);
  await page.getByRole("button", { name: "Entrar" }).click();
}

/** TOTP codes are single use per 30-second step: the enrolment spent the current one. */
async function waitForNextTotpStep(): Promise<void> {
  const msIntoStep = Date.now() % 30_000;
  await new Promise((resolve) => setTimeout(resolve, 30_000 - msIntoStep + 200));
}
