import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOrganization } from "~/server/db/tenant";
import { TEST_PASSWORD } from "../support/factory";
import { launchBrowser, signInThroughPage } from "../support/browser";
import { organizationWithNumbers, seedContacts } from "../support/campaign-fixtures";
import { simulator } from "../support/simulator-control";
import { baseUrl } from "../support/test-env";

const phone = (n: number) => `+55119${String(71000000 + n)}`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("campaigns (Chromium)", () => {
  it("an owner builds and launches a campaign in the wizard; its page follows the sends and an opt-out live", async () => {
    const { org, owner, numbers } = await organizationWithNumbers(1);
    // The number's own limit is below the campaign's default 2,000 a day: the estimate must say 300.
    await withOrganization(org.organizationId, (tx) =>
      tx.instance.update({ where: { id: numbers[0]!.id }, data: { dailySendLimit: 300 } }),
    );
    const people = [
      "Ana Paula",
      "Bruno Costa",
      "Carla Dias",
      "Diego Alves",
      "Elisa Rocha",
      "Fábio Nunes",
      "Gabriela Lima",
      "Heitor Souza",
    ];
    await seedContacts(
      org.organizationId,
      people.map((name, i) => ({ phone: phone(i + 1), name, consent: "opted_in" as const })),
    );

    // The most recent contact opted out: the message preview must never be rendered for them.
    const [optedOut] = await seedContacts(org.organizationId, [
      { phone: phone(50), name: "Zé Saiu", consent: "opted_out" },
    ]);
    await withOrganization(org.organizationId, (tx) =>
      tx.contact.update({ where: { id: optedOut! }, data: { lastInteractionAt: new Date() } }),
    );

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInThroughPage(page, org.ownerEmail, TEST_PASSWORD);
    await page.waitForURL(`${baseUrl}/inbox`);
    await page.goto(`${baseUrl}/campaigns`);
    await page.getByTestId("empty-campaigns").waitFor();
    await page.getByTestId("new-campaign").click();
    await page.waitForURL(`${baseUrl}/campaigns/new`);

    // Público: the opted-in contacts are counted live.
    await expect
      .poll(() => page.getByTestId("audience-count").getAttribute("data-value"), { timeout: 15_000 })
      .toBe(String(people.length));
    await page.getByTestId("wizard-next").click();

    // Mensagem: variables are rendered for the sample contacts.
    await page
      .getByRole("textbox", { name: "Texto da variação A" })
      .fill("Olá, {{primeiro_nome|cliente}}! A loja tem novidades para você.");
    await page
      .getByTestId("variant-preview-sample")
      .filter({ hasText: /^Olá, \p{L}+! A loja tem novidades para você\.$/u })
      .first()
      .waitFor({ timeout: 10_000 });
    const firstNames = people.map((name) => name.split(" ")[0]);
    for (const sample of await page.getByTestId("variant-preview-sample").allInnerTexts())
      expect(firstNames, sample).toContain(/^Olá, (\p{L}+)!/u.exec(sample)?.[1]);
    await page.getByTestId("wizard-next").click();

    // Números e limites: the connected number is chosen; a short pacing so the sends spread over seconds.
    await expect.poll(() => page.getByRole("checkbox", { name: /Número 1/ }).isChecked()).toBe(true);
    await page.getByRole("textbox", { name: "Intervalo mínimo entre mensagens" }).fill("1");
    await page.getByRole("textbox", { name: "Intervalo máximo entre mensagens" }).fill("2");
    // The server's estimate: the number's 300 a day, not the campaign's 2,000 nor a rate times 24 hours.
    await expect
      .poll(() => page.getByTestId("pace-estimate").getAttribute("data-per-day"), { timeout: 10_000 })
      .toBe("300");
    await page.getByTestId("wizard-next").click();

    // Agenda: every day, all day, holidays included — the window is open whenever the test runs.
    for (const day of ["domingo", "sábado"]) {
      // A chip's checkbox is visually hidden: click its label, as a person would.
      const chip = page.getByRole("checkbox", { name: day });
      await page.locator(`label[for="${await chip.getAttribute("id")}"]`).click();
      await expect.poll(() => chip.isChecked()).toBe(true);
    }
    await page.getByRole("combobox", { name: "Das", exact: true }).click();
    await page.getByRole("option", { name: "00:00", exact: true }).click();
    await page.getByRole("combobox", { name: "Até", exact: true }).click();
    await page.getByRole("option", { name: "24:00", exact: true }).click();
    await page.getByRole("switch", { name: "Pular feriados nacionais" }).uncheck();
    await page.getByTestId("wizard-next").click();

    // Revisão: name it and launch; the preflight report counts who will receive it.
    await page.getByRole("textbox", { name: "Nome da campanha" }).fill("Novidades de verão");
    await page.getByTestId("wizard-launch").click();
    // Nothing goes out before the confirmation, which says who, through which number and until when.
    const confirm = page.getByTestId("launch-confirm");
    await confirm.getByTestId("launch-recipients").waitFor({ timeout: 15_000 });
    expect(await confirm.getByTestId("launch-recipients").getAttribute("data-value")).toBe(String(people.length));
    expect(await confirm.getByTestId("launch-numbers").innerText()).toContain("Número 1");
    expect(await confirm.getByTestId("pace-finish").innerText()).toMatch(
      /Os 8 envios terminam por volta de .*\d{2}:\d{2}/,
    );
    expect((await owner.campaigns.list()).map((c) => c.status)).toEqual(["draft"]);
    await confirm.getByTestId("launch-confirm-button").click();
    const preflight = page.getByTestId("preflight-report");
    await preflight.waitFor({ timeout: 30_000 });
    expect(await preflight.getByTestId("preflight-eligible").getAttribute("data-value")).toBe(String(people.length));
    await preflight.getByRole("button", { name: "Acompanhar campanha" }).click();
    await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/);

    // The sent counter rises on the open page, without a reload.
    const sent = page.getByTestId("funnel-sent");
    await sent.waitFor();
    expect(Number(await sent.getAttribute("data-value"))).toBeLessThan(people.length);
    await expect
      .poll(async () => Number(await sent.getAttribute("data-value")), { timeout: 60_000 })
      .toBe(people.length);
    await expect
      .poll(() => page.getByTestId("campaign-status").getAttribute("data-status"), { timeout: 15_000 })
      .toBe("completed");
    const sends = (await simulator.sent(numbers[0]!.providerName)).filter((s) => s.text?.includes("novidades"));
    expect(sends.map((s) => s.text).sort()).toEqual(
      people.map((name) => `Olá, ${name.split(" ")[0]}! A loja tem novidades para você.`).sort(),
    );

    // A contact answers SAIR: the opt-out shows up in the funnel, still without a reload.
    expect(await page.getByTestId("funnel-opted-out").getAttribute("data-value")).toBe("0");
    await simulator.inbound(numbers[0]!.providerName, {
      type: "text",
      from: phone(2).slice(1),
      pushName: "Bruno Costa",
      text: "SAIR",
    });
    await expect
      .poll(() => page.getByTestId("funnel-opted-out").getAttribute("data-value"), { timeout: 15_000 })
      .toBe("1");
    await page.close();
  }, 150_000);
});
