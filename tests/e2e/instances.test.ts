import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOrganization } from "~/server/db/tenant";
import { makeOrganization, TEST_PASSWORD } from "../support/factory";
import { launchBrowser, signInThroughPage } from "../support/browser";
import { simulator } from "../support/simulator-control";
import { baseUrl } from "../support/test-env";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("instances page (Chromium)", () => {
  it("adds an instance, shows its QR, and the badge turns green when the simulator scans it — no reload", async () => {
    const org = await makeOrganization();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInThroughPage(page, org.ownerEmail, TEST_PASSWORD);
    await page.waitForURL(`${baseUrl}/inbox`);
    await page.goto(`${baseUrl}/instances`);
    await page.getByTestId("empty-instances").waitFor();
    expect(await page.getByTestId("simulator-badge").textContent()).toBe("Simulador");

    await page.getByRole("button", { name: "Adicionar instância" }).first().click();
    await page.getByRole("textbox", { name: "Nome" }).fill("Vendas");
    await page.getByRole("textbox", { name: "Descrição" }).fill("Número das vendas do Rio");
    await page.getByRole("button", { name: "Criar e conectar" }).click();
    const qr = page.getByTestId("qr-image");
    await qr.waitFor({ timeout: 15_000 });
    expect(await qr.getAttribute("src")).toMatch(/^data:image\/png;base64,/);

    const instance = await withOrganization(org.organizationId, (tx) =>
      tx.instance.findFirstOrThrow({ where: { organizationId: org.organizationId } }),
    );
    await simulator.scan(instance.providerName, { phoneNumber: "5521998765432", profileName: "Vendas RJ" });
    await page.getByTestId("qr-connected").waitFor({ timeout: 15_000 });
    await page.getByRole("button", { name: "Fechar" }).click();

    const badge = page.getByTestId(`instance-status-${instance.id}`);
    await expect.poll(() => badge.getAttribute("data-state"), { timeout: 15_000 }).toBe("open");
    expect(await badge.textContent()).toBe("Conectada");
    expect(await page.getByText("+55 21 99876-5432").count()).toBe(1);

    // A drop reported by Evolution reaches the open page too.
    await simulator.drop(instance.providerName, 401);
    await expect.poll(() => badge.getAttribute("data-state"), { timeout: 15_000 }).toBe("close");
    await page.close();
  });
});
