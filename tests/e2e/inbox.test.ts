import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOrganization } from "~/server/db/tenant";
import { callerFor, makeOrganization, TEST_PASSWORD } from "../support/factory";
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

describe("inbox page (Chromium)", () => {
  it("a message arrives live, the agent replies, ticks update, a note and a tag appear, search finds it", async () => {
    const org = await makeOrganization();
    const owner = callerFor(org.ownerId, org.organizationId);
    const instance = await owner.instances.create({ name: "Suporte", purpose: "atendimento", dailySendLimit: 500 });
    const { providerName } = await withOrganization(org.organizationId, (tx) =>
      tx.instance.findUniqueOrThrow({ where: { id: instance.id } }),
    );
    await owner.instances.connect({ instanceId: instance.id });
    await simulator.scan(providerName, { phoneNumber: "5511900002222" });
    await expect
      .poll(async () => (await owner.instances.get({ instanceId: instance.id })).state, { timeout: 15_000 })
      .toBe("open");

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInThroughPage(page, org.ownerEmail, TEST_PASSWORD);
    await page.waitForURL(`${baseUrl}/inbox`);

    // 1. A customer writes: the conversation shows up in the open inbox without a reload.
    await simulator.inbound(providerName, {
      type: "text",
      from: "5511987650100",
      pushName: "Carla Mendonça",
      text: "Olá! Meu pedido ainda não chegou",
    });
    const row = page.getByTestId("conversation-row").filter({ hasText: "Carla Mendonça" });
    await row.waitFor({ timeout: 15_000 });
    await row.click();
    await page.getByTestId("message-bubble").filter({ hasText: "Meu pedido ainda não chegou" }).waitFor();

    // 2. The agent replies; the simulator (Evolution) receives it once; the ticks follow the acks.
    const composer = page.getByRole("textbox", { name: "Mensagem" });
    await composer.fill("Oi, Carla! Vou verificar agora mesmo.");
    await composer.press("Enter");
    const reply = page.getByTestId("message-bubble").filter({ hasText: "Vou verificar agora mesmo" });
    await reply.waitFor();
    await expect
      .poll(async () => (await simulator.sent(providerName)).filter((s) => s.text?.includes("Vou verificar")).length, {
        timeout: 15_000,
      })
      .toBe(1);
    await expect.poll(() => reply.getAttribute("data-status"), { timeout: 15_000 }).toBe("sent");
    const [sent] = (await simulator.sent(providerName)).filter((s) => s.text?.includes("Vou verificar"));
    await simulator.ack(providerName, sent!.messageId, "DELIVERY_ACK");
    await expect.poll(() => reply.getAttribute("data-status"), { timeout: 15_000 }).toBe("delivered");
    await simulator.ack(providerName, sent!.messageId, "READ");
    await expect.poll(() => reply.getAttribute("data-status"), { timeout: 15_000 }).toBe("read");

    // 3. An internal note, and a tag put on by a colleague, appear live.
    await page
      .locator("label")
      .filter({ hasText: /^Nota interna$/ })
      .click();
    await composer.fill("Cliente VIP: priorizar");
    await composer.press("Enter");
    await page.getByTestId("note-bubble").filter({ hasText: "Cliente VIP: priorizar" }).waitFor();
    const tag = await owner.tags.create({ name: "Entrega", color: "orange" });
    const [conversation] = (await owner.conversations.list({ limit: 1 })).items;
    await owner.conversations.setTag({ conversationId: conversation!.id, tagId: tag.id, present: true });
    await row.getByTestId("tag-badge").filter({ hasText: "Entrega" }).waitFor({ timeout: 15_000 });
    expect(
      (await simulator.sent(providerName)).filter((s) => s.text?.includes("Cliente VIP")),
      "a note is never sent",
    ).toEqual([]);

    // 4. Search finds the message, accents or not.
    await page.getByPlaceholder("Buscar conversas").fill("pedido nao chegou");
    await page.getByTestId("conversation-row").filter({ hasText: "Carla Mendonça" }).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId("conversation-row").count()).toBe(1);
    await page.close();
  });
});
