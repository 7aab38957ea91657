import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOrganization } from "~/server/db/tenant";
import { evaluateAlertRules } from "~/server/domain/alerts/evaluate-alert-rules";
import { refreshReportingRollup } from "~/server/domain/analytics/refresh-reporting-rollup";
import { launchBrowser, signInThroughPage } from "../support/browser";
import { textUpsert } from "../support/evolution-payloads";
import { TEST_PASSWORD } from "../support/factory";
import { deliver, inboxFixture } from "../support/inbox-pipeline";
import { baseUrl } from "../support/test-env";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const listedNames = async (page: Page) =>
  (await page.locator("[data-testid=conversation-list] [role=listitem]").allTextContents()).map(
    (text) => ["Ana Hoje", "Bia Antiga", "Caio Rio"].find((name) => text.includes(name)) ?? text,
  );

describe("alerts and drill-down (Chromium)", () => {
  it("the bell shows an alert the moment it fires, and marks it read", async () => {
    const { org, instanceId } = await inboxFixture("Plantão");
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInThroughPage(page, org.ownerEmail, TEST_PASSWORD);
    await page.waitForURL(`${baseUrl}/inbox`);
    const bell = page.getByTestId("alert-bell");
    await expect.poll(() => bell.getAttribute("data-unread"), { timeout: 15_000 }).toBe("0");
    await expect.poll(() => page.getByTestId("realtime-status").textContent(), { timeout: 15_000 }).toMatch(/vivo/i);

    await withOrganization(org.organizationId, async (tx) => {
      await tx.instance.update({
        where: { id: instanceId },
        data: { state: "close", downSince: new Date(Date.now() - 10 * 60_000) },
      });
      await tx.alertRule.create({ data: { organizationId: org.organizationId, kind: "instance_down", threshold: 5 } });
    });
    expect(await evaluateAlertRules({ organizationId: org.organizationId })).toEqual({ fired: 1, resolved: 0 });

    // No reload: the Socket.IO event makes the bell refetch.
    await expect.poll(() => bell.getAttribute("data-unread"), { timeout: 10_000 }).toBe("1");
    await bell.click();
    const item = page.getByTestId("alert-item").first();
    expect(await item.textContent()).toContain("O número Plantão está desconectado há 10 minutos");
    await page.getByTestId("alerts-mark-read").click();
    await expect.poll(() => bell.getAttribute("data-unread"), { timeout: 10_000 }).toBe("0");
    await page.close();
  });

  it("a number's row and a day's bar open the inbox filtered to their conversations", async () => {
    const { org, owner, instanceId, providerName } = await inboxFixture("Atendimento SP");
    const other = await owner.instances.create({ name: "Vendas RJ", purpose: "atendimento", dailySendLimit: 500 });
    const otherProviderName = await withOrganization(
      org.organizationId,
      async (tx) => (await tx.instance.findUniqueOrThrow({ where: { id: other.id } })).providerName,
    );
    const threeDaysAgo = Math.floor((Date.now() - 3 * 24 * 3_600_000) / 1000);
    await deliver(
      org.organizationId,
      instanceId,
      textUpsert(providerName, { remoteJid: "5511987654101@s.whatsapp.net" }, "Oi", { pushName: "Ana Hoje" }),
    );
    await deliver(
      org.organizationId,
      instanceId,
      textUpsert(providerName, { remoteJid: "5511987654102@s.whatsapp.net" }, "Oi antigo", {
        pushName: "Bia Antiga",
        timestamp: threeDaysAgo,
      }),
    );
    await deliver(
      org.organizationId,
      other.id,
      textUpsert(otherProviderName, { remoteJid: "5521987654103@s.whatsapp.net" }, "Oi do Rio", {
        pushName: "Caio Rio",
      }),
    );
    await refreshReportingRollup({ organizationId: org.organizationId });

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInThroughPage(page, org.ownerEmail, TEST_PASSWORD);
    await page.waitForURL(`${baseUrl}/inbox`);

    await page.goto(`${baseUrl}/metrics`);
    await page.getByTestId(`metrics-number-${instanceId}`).click();
    await page.waitForURL((url) => url.searchParams.get("instance") === instanceId);
    await expect.poll(() => listedNames(page), { timeout: 15_000 }).toEqual(["Ana Hoje", "Bia Antiga"]);

    await page.goto(`${baseUrl}/metrics`);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Sao_Paulo" }).format(new Date());
    await page.locator("[data-testid=volume-chart] .recharts-bar-rectangle").last().click();
    await page.waitForURL((url) => url.searchParams.get("from") === today && url.searchParams.get("to") === today);
    await expect.poll(() => listedNames(page), { timeout: 15_000 }).toEqual(["Caio Rio", "Ana Hoje"]);
    // The filter survives a reload (it lives in the URL).
    await page.reload();
    await expect.poll(() => listedNames(page), { timeout: 15_000 }).toEqual(["Caio Rio", "Ana Hoje"]);
    await page.close();
  });
});
