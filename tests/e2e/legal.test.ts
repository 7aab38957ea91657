import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOrganization } from "~/server/db/tenant";
import { launchBrowser, signInThroughPage } from "../support/browser";
import { addMemberWithPassword, callerFor, makeOrganization, TEST_PASSWORD } from "../support/factory";
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

describe("legal pages in Chromium", () => {
  it("asks a member to accept the current terms after sign-in, then lets them in", async () => {
    const org = await makeOrganization(`Loja Termos ${crypto.randomUUID().slice(0, 4)}`);
    const owner = callerFor(org.ownerId, org.organizationId);
    const agent = await addMemberWithPassword(org.organizationId, "agent");
    await owner.legal.saveEncarregado({ name: "Dora Encarregada", email: "dpo@loja.example" });
    const terms = await owner.legal.documents.publish({
      documentId: (await owner.legal.documents.saveDraft({ kind: "terms" })).id,
    });

    const context = await browser.newContext();
    const page = await context.newPage();
    await signInThroughPage(page, agent.email, TEST_PASSWORD);
    await page.waitForURL(`${baseUrl}/accept-terms`, { timeout: 30_000 });
    await expect
      .poll(() => page.getByTestId("terms-body").innerText())
      .toContain("Dora Encarregada — dpo@loja.example");
    const accept = page.getByRole("button", { name: "Aceitar e continuar" });
    expect(await accept.isDisabled()).toBe(true);
    // Going around the page does not help: every app page sends them back.
    await page.goto(`${baseUrl}/inbox`);
    await page.waitForURL(`${baseUrl}/accept-terms`);
    await page.getByText("Li e aceito os termos de uso").click();
    await page.getByRole("button", { name: "Aceitar e continuar" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/accept-terms"), { timeout: 30_000 });
    await page.goto(`${baseUrl}/inbox`);
    expect(new URL(page.url()).pathname).toBe("/inbox");
    const acceptance = await withOrganization(org.organizationId, (tx) =>
      tx.termsAcceptance.findFirstOrThrow({ where: { userId: agent.userId } }),
    );
    expect(acceptance).toMatchObject({ documentId: terms.id, version: 1 });
    expect(acceptance.ipAddress).toMatch(/127\.0\.0\.1|::1/);
    await context.close();
  }, 120_000);

  it("takes a consent on the public opt-in page, refuses a too-fast bot, and confirms by WhatsApp reply", async () => {
    const fixture = await connectedInboxFixture("5511977776666");
    const wording = "Aceito receber mensagens da Loja Azul pelo WhatsApp. Posso sair respondendo SAIR.";
    const form = await fixture.owner.legal.optInForms.save({ instanceId: fixture.instanceId, wording, active: true });
    const context = await browser.newContext();
    const page = await context.newPage();

    // A script that submits the moment the page loads is refused (minimum fill time).
    await page.goto(`${baseUrl}/optin/${form.token}`);
    await page.getByLabel("Seu número de WhatsApp").fill("(11) 97777-1234");
    await page.getByText("Concordo com o texto acima").click();
    await page.getByRole("button", { name: "Quero receber" }).click();
    await page.waitForURL(/error=optInNotAccepted/);
    expect(await page.getByTestId("opt-in-error").innerText()).toContain("Recarregue a página");

    // A person reads the wording first.
    await page.goto(`${baseUrl}/optin/${form.token}`);
    expect(await page.getByTestId("opt-in-wording").innerText()).toBe(wording);
    await page.waitForTimeout(3_200);
    await page.getByLabel("Seu número de WhatsApp").fill("(11) 97777-1234");
    await page.getByLabel("Seu nome (opcional)").fill("Bia Formulário");
    await page.getByText("Concordo com o texto acima").click();
    await page.getByRole("button", { name: "Quero receber" }).click();
    await page.getByTestId("opt-in-sent").waitFor({ timeout: 45_000 });

    await expect
      .poll(async () => (await simulator.sent(fixture.providerName)).filter((m) => m.to.includes("77771234")).length, {
        timeout: 45_000,
        interval: 200,
      })
      .toBe(1);
    await simulator.inbound(fixture.providerName, { type: "text", from: "5511977771234", text: "SIM" });
    await expect
      .poll(
        async () =>
          withOrganization(
            fixture.org.organizationId,
            async (tx) => (await tx.contact.findFirst({ where: { phoneE164: "+5511977771234" } }))?.consentStatus,
          ),
        { timeout: 45_000, interval: 200 },
      )
      .toBe("opted_in");
    await context.close();
  }, 120_000);
});
