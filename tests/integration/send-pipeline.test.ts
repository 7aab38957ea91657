import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { withOrganization } from "~/server/db/tenant";
import { runCampaignDispatch } from "~/server/domain/campaigns/run-campaign-dispatch";
import { organizationWithNumbers, seedContacts } from "../support/campaign-fixtures";
import { simulator } from "../support/simulator-control";

const campaignPhone = "+5511977710001";
const replyPhone = "5511977710002";

/**
 * Campaign sends and replies share one send pipeline: the same gateway failure, read once, gives both
 * message rows the same outcome and reason (and the campaign recipient follows its message).
 */
describe("one send pipeline", () => {
  it.each([
    { mode: "not-on-whatsapp", status: "failed", reason: "notOnWhatsapp" },
    { mode: "server-error", status: "unknown", reason: null },
  ])(
    "a $mode answer settles a campaign send and a reply alike ($status)",
    async ({ mode, status, reason }) => {
      const { org, owner, numbers } = await organizationWithNumbers(1);
      const number = numbers[0]!;
      await seedContacts(org.organizationId, [{ phone: campaignPhone, name: "Eva", consent: "opted_in" }]);
      // The window is open on a day that is not today: the real worker leaves the campaign to this test.
      const today = new Date().getUTCDay();
      const windowDay = (today + 3) % 7;
      const insideWindow = new Date();
      insideWindow.setUTCDate(insideWindow.getUTCDate() + ((windowDay - today + 7) % 7));
      insideWindow.setUTCHours(14, 0, 0, 0);
      const campaign = await owner.campaigns.save({
        name: "Pipeline",
        legalBasis: "consent",
        audience: { tagIds: [], instanceIds: [], consent: "opted_in", lastInteraction: {}, fields: [] },
        variants: [{ body: "Novidades, {{primeiro_nome}}" }],
        instanceIds: [number.id],
        limits: { perMinute: 60, perHour: 600, perDay: 6000, minIntervalSeconds: 0, maxIntervalSeconds: 0 },
        schedule: {
          startAt: new Date(Date.now() - 60_000).toISOString(),
          weekdays: [windowDay],
          from: "09:00",
          to: "18:00",
          skipHolidays: false,
        },
        recentContactDays: 0,
        thresholds: { failureRate: 0.99, optOutRate: 0.99, minSample: 1000 },
      });
      expect((await owner.campaigns.launch({ campaignId: campaign.id })).eligible).toBe(1);

      await simulator.inbound(number.providerName, { type: "text", from: replyPhone, text: "Olá" });
      const conversation = await (async () => {
        for (let i = 0; i < 100; i++) {
          const item = (await owner.conversations.list({ limit: 10 })).items[0];
          if (item) return item;
          await new Promise((r) => setTimeout(r, 100));
        }
        throw new Error("the inbound message did not open a conversation");
      })();

      await simulator.failSends(number.providerName, { mode, numbers: [campaignPhone.slice(1), replyPhone] });
      const reply = await owner.conversations.reply({
        conversationId: conversation.id,
        clientMessageId: randomUUID(),
        body: "Posso ajudar?",
      });
      await runCampaignDispatch(
        { organizationId: org.organizationId },
        { now: () => insideWindow, runMs: 1_000, campaignId: campaign.id },
      );

      const messageOf = (id: string) =>
        withOrganization(org.organizationId, (tx) =>
          tx.message.findUniqueOrThrow({ where: { id }, select: { status: true, failureReason: true } }),
        );
      await expect.poll(async () => (await messageOf(reply.id)).status, { timeout: 20_000 }).toBe(status);
      const recipient = await withOrganization(org.organizationId, (tx) =>
        tx.campaignRecipient.findFirstOrThrow({ where: { campaignId: campaign.id } }),
      );
      expect(recipient.messageId).not.toBeNull();
      const campaignMessage = await messageOf(recipient.messageId!);
      expect(campaignMessage).toEqual(await messageOf(reply.id));
      expect(campaignMessage).toEqual({ status, failureReason: reason });
      expect(recipient).toMatchObject({ status, ...(reason ? { reason } : {}) });
      // Neither reached anyone, and neither was tried twice.
      expect(await simulator.sent(number.providerName)).toEqual([]);
      await simulator.failSends(number.providerName, { mode: null });
    },
    60_000,
  );
});
