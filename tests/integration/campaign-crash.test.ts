import { spawn, type ChildProcess } from "node:child_process";
import { describe, expect, it } from "vitest";
import { withOrganization } from "~/server/db/tenant";
import { recoverStaleClaims } from "~/server/domain/campaigns/recover-stale-claims";
import { reconcileMessage } from "~/server/domain/messages/reconcile-message";
import { alwaysOpen, organizationWithNumbers, seedContacts } from "../support/campaign-fixtures";
import { simulator } from "../support/simulator-control";

function startWorker(): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "src/workers/main.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", MIRAGE_PROCESS: "worker-extra", LOG_LEVEL: "error" },
  });
}

describe("campaigns: crash safety", () => {
  it("kill -9 of a worker during a 2,000-recipient campaign: each recipient receives once or is marked unknown", async () => {
    const { org, owner, numbers } = await organizationWithNumbers(2);
    await seedContacts(
      org.organizationId,
      Array.from({ length: 2000 }, (_, i) => ({
        phone: `+55119${String(80000000 + i)}`,
        consent: "opted_in" as const,
      })),
    );
    const campaign = await owner.campaigns.save({
      name: "Grande",
      legalBasis: "consent",
      audience: { tagIds: [], instanceIds: [], consent: "opted_in", lastInteraction: {}, fields: [] },
      variants: [{ body: "Promoção de fim de ano" }],
      instanceIds: numbers.map((n) => n.id),
      limits: {
        perMinute: 100_000,
        perHour: 1_000_000,
        perDay: 1_000_000,
        minIntervalSeconds: 0,
        maxIntervalSeconds: 0,
      },
      schedule: alwaysOpen(),
      recentContactDays: 0,
      thresholds: { failureRate: 0.9, optOutRate: 0.9, minSample: 10_000 },
    });
    let worker = startWorker();
    await owner.campaigns.launch({ campaignId: campaign.id });
    const sentSoFar = async () => (await owner.campaigns.report({ campaignId: campaign.id })).funnel.sent;
    await expect.poll(sentSoFar, { timeout: 60_000, interval: 200 }).toBeGreaterThan(300);
    worker.kill("SIGKILL");
    await new Promise((resolve) => worker.once("exit", resolve));
    worker = startWorker();
    try {
      await expect
        .poll(async () => (await owner.campaigns.report({ campaignId: campaign.id })).funnel.queued, {
          timeout: 180_000,
          interval: 1_000,
        })
        .toBe(0);
      // Claims the dead worker left behind: unknown, then settled from Evolution's records.
      await recoverStaleClaims(org.organizationId, 0);
      const unknown = await withOrganization(org.organizationId, (tx) =>
        tx.campaignRecipient.findMany({
          where: { campaignId: campaign.id, status: "unknown" },
          select: { messageId: true },
        }),
      );
      for (const { messageId } of unknown)
        await reconcileMessage({ organizationId: org.organizationId, messageId: messageId! }).catch(() => undefined);

      const received = new Map<string, number>();
      for (const number of numbers)
        for (const send of await simulator.sent(number.providerName))
          received.set(send.to.replace(/\D/g, ""), (received.get(send.to.replace(/\D/g, "")) ?? 0) + 1);
      const recipients = await withOrganization(org.organizationId, (tx) =>
        tx.campaignRecipient.findMany({
          where: { campaignId: campaign.id },
          select: { status: true, contactId: true },
        }),
      );
      const phones = new Map(
        (
          await withOrganization(org.organizationId, (tx) =>
            tx.contact.findMany({ select: { id: true, phoneE164: true } }),
          )
        ).map((c) => [c.id, c.phoneE164!.slice(1)]),
      );
      expect(recipients).toHaveLength(2000);
      expect([...received.values()].filter((n) => n > 1)).toEqual([]);
      const wrong = recipients.filter((r) => {
        const times = received.get(phones.get(r.contactId)!) ?? 0;
        return !(times === 1 && ["sent", "delivered", "read"].includes(r.status)) && r.status !== "unknown";
      });
      expect(wrong).toEqual([]);
      // Everyone is accounted for: received exactly once, or unknown (claimed by the dead worker, never re-sent).
      const unknownCount = recipients.filter((r) => r.status === "unknown").length;
      expect([...received.values()].reduce((a, b) => a + b, 0) + unknownCount).toBeGreaterThanOrEqual(2000);
      expect(unknownCount).toBeLessThan(200);
    } finally {
      worker.kill("SIGTERM");
    }
  }, 300_000);
});
