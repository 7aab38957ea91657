import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signInThroughPage } from "../support/browser";
import { callerFor, makeOrganization, TEST_PASSWORD } from "../support/factory";
import { baseUrl } from "../support/test-env";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("error tracking in the browser (Chromium)", () => {
  it("reports a page's uncaught errors and rejections, and an admin resolves the group in Configurações → Erros", async () => {
    const org = await makeOrganization();
    const owner = callerFor(org.ownerId, org.organizationId);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInThroughPage(page, org.ownerEmail, TEST_PASSWORD);
    await page.waitForURL(`${baseUrl}/inbox`);

    const throwOnce = () =>
      page.evaluate(() => {
        setTimeout(() => {
          throw new TypeError("Falha ao abrir a conversa de 5511987654321");
        }, 0);
      });
    const groups = () => owner.errors.list({ scope: "organization" }).then((list) => list.groups);
    const typeErrors = async () => (await groups()).find((g) => g.errorName === "TypeError")?.count ?? 0;
    // The reporter listens once the page has hydrated: throw until the first report lands…
    await expect
      .poll(
        async () => {
          if ((await typeErrors()) === 0) await throwOnce();
          return typeErrors();
        },
        { timeout: 20_000, interval: 1_000 },
      )
      .toBeGreaterThan(0);
    // …then the same failure once more is the same group, counted; and a rejection nobody handled.
    const before = await typeErrors();
    await throwOnce();
    await page.evaluate(() => void Promise.reject(new Error("sem resposta do servidor")));
    await expect
      .poll(async () => (await groups()).map((g) => `${g.source}:${g.errorName}:${g.count}`).sort(), {
        timeout: 15_000,
      })
      .toEqual(["browser:Error:1", `browser:TypeError:${before + 1}`]);
    const thrown = (await groups()).find((g) => g.errorName === "TypeError")!;
    expect(thrown.message).toBe("Falha ao abrir a conversa de <phone>");
    const detail = await owner.errors.get({ groupId: thrown.id });
    expect(detail.occurrences[0]!.context).toMatchObject({ kind: "error", path: "/inbox" });
    expect(JSON.stringify(detail)).not.toContain("5511987654321");

    await page.goto(`${baseUrl}/settings`);
    await page.getByRole("tab", { name: "Erros", exact: true }).click();
    const row = page.locator(`[data-testid=error-group-row][data-group-id="${thrown.id}"]`);
    expect(await row.getByTestId("error-group-count").textContent()).toBe(String(before + 1));
    expect(await row.getByTestId("error-group-status").textContent()).toBe("Aberto");
    expect(await row.textContent()).toContain("Navegador");
    await row.click();
    const stack = page.getByTestId("error-group-detail").getByTestId("error-stack").first();
    expect(await stack.textContent()).toContain("TypeError");
    await page.getByTestId("error-resolve").click();
    await expect.poll(() => row.getByTestId("error-group-status").textContent()).toBe("Resolvido");
    expect((await owner.errors.get({ groupId: thrown.id })).status).toBe("resolved");
    await page.close();
  });
});
