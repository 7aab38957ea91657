import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { withOrganization } from "~/server/db/tenant";
import { hourlyP95 } from "~/server/domain/alerts/alert-conditions";
import { evaluateAlertRules } from "~/server/domain/alerts/evaluate-alert-rules";
import { recordReportingEvents } from "~/server/domain/analytics/record-reporting-events";
import { reportingKinds } from "~/server/domain/analytics/reporting-kinds";
import { campaignPauseSchema } from "~/shared/schemas/campaigns";
import { addMemberWithPassword, callerFor, makeOrganization } from "../support/factory";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A number whose last week had `perHour` sends in each of its busy hours (the rest quiet). */
async function numberWithHistory(organizationId: string, now: Date, busyHours: number, perHour: number) {
  return withOrganization(organizationId, async (tx) => {
    const instance = await tx.instance.create({
      data: {
        organizationId,
        name: `Disparos ${randomUUID().slice(0, 4)}`,
        providerName: `anomaly-${randomUUID()}`,
        webhookSecretHash: "0".repeat(64),
      },
    });
    const events = [];
    for (let hour = 0; hour < busyHours; hour++)
      for (let i = 0; i < perHour; i++)
        events.push({
          kind: reportingKinds.messageOutbound,
          // Hours 2…(busyHours+1) before now: inside the 7-day baseline, before the one-hour window.
          occurredAt: new Date(now.getTime() - (hour + 2) * HOUR + i * 1000),
          instanceId: instance.id,
          direction: "outbound" as const,
        });
    await recordReportingEvents(tx, organizationId, events);
    return instance;
  });
}

async function sendsInLastHour(organizationId: string, instanceId: string, now: Date, count: number) {
  await withOrganization(organizationId, (tx) =>
    recordReportingEvents(
      tx,
      organizationId,
      Array.from({ length: count }, (_, i) => ({
        kind: reportingKinds.messageOutbound,
        occurredAt: new Date(now.getTime() - 50 * MINUTE + i * 1000),
        instanceId,
        direction: "outbound" as const,
      })),
    ),
  );
}

async function runningCampaign(organizationId: string, instanceIds: string[]) {
  return withOrganization(organizationId, (tx) =>
    tx.campaign.create({
      data: {
        organizationId,
        name: `Campanha ${randomUUID().slice(0, 4)}`,
        status: "running",
        legalBasis: "consent",
        audience: {},
        variants: [{ id: "a", body: "Oi" }],
        instanceIds,
        limits: {},
        schedule: {},
        thresholds: {},
        launchedAt: new Date(),
      },
    }),
  );
}

const campaignState = (organizationId: string, id: string) =>
  withOrganization(organizationId, (tx) =>
    tx.campaign.findUniqueOrThrow({ where: { id }, select: { status: true, pauseReason: true, pauseParams: true } }),
  );

describe("anomaly → auto-pause", () => {
  it("the baseline is the p95 of every hour of the week, quiet hours as zeros", () => {
    expect(hourlyP95([])).toBe(0);
    expect(hourlyP95(Array.from({ length: 8 }, () => 100))).toBe(0); // 8 busy hours of 168: under 5 %
    expect(hourlyP95(Array.from({ length: 9 }, () => 100))).toBe(100);
    expect(hourlyP95([...Array.from({ length: 20 }, () => 10), 500, 400])).toBe(10);
  });

  it("a number sending far above its own baseline pauses its running campaigns until an admin resumes them", async () => {
    const { organizationId, ownerId } = await makeOrganization();
    const now = new Date();
    // Usual peak: 10 an hour (30 busy hours); another number that keeps its pace.
    const spiking = await numberWithHistory(organizationId, now, 30, 10);
    const steady = await numberWithHistory(organizationId, now, 30, 10);
    await withOrganization(organizationId, (tx) =>
      tx.alertRule.create({ data: { organizationId, kind: "sending_spike", threshold: 3, windowMinutes: 60 } }),
    );
    const onSpiking = await runningCampaign(organizationId, [spiking.id]);
    const onBoth = await runningCampaign(organizationId, [spiking.id, steady.id]);
    const onSteady = await runningCampaign(organizationId, [steady.id]);

    // 30 in the hour is 3× the peak, not above it: nothing.
    await sendsInLastHour(organizationId, spiking.id, now, 30);
    await sendsInLastHour(organizationId, steady.id, now, 25);
    expect(await evaluateAlertRules({ organizationId, now })).toEqual({ fired: 0, resolved: 0 });
    expect((await campaignState(organizationId, onSpiking.id)).status).toBe("running");

    // 31 is: the alert fires once, both campaigns using the number pause with the reason, the other runs on.
    await sendsInLastHour(organizationId, spiking.id, now, 1);
    expect(await evaluateAlertRules({ organizationId, now })).toEqual({ fired: 1, resolved: 0 });
    const paused = await campaignState(organizationId, onSpiking.id);
    expect(paused).toEqual({
      status: "paused",
      pauseReason: "sending_spike",
      pauseParams: { instanceName: spiking.name, sent: 31, baseline: 10, multiple: 3, windowMinutes: 60 },
    });
    expect((await campaignState(organizationId, onBoth.id)).status).toBe("paused");
    expect((await campaignState(organizationId, onSteady.id)).status).toBe("running");

    const owner = callerFor(ownerId, organizationId);
    const bell = await owner.alerts.notifications();
    expect(bell.items.map((item) => [item.kind, item.subject, item.transition])).toEqual([
      ["sending_spike", spiking.id, "fired"],
    ]);
    const audit = await withOrganization(organizationId, (tx) =>
      tx.auditLog.findMany({ where: { action: "campaign.auto_paused" }, select: { targetId: true, metadata: true } }),
    );
    expect(audit.map((row) => row.targetId).sort()).toEqual([onSpiking.id, onBoth.id].sort());
    expect(audit[0]!.metadata).toMatchObject({ reason: "sending_spike", instanceId: spiking.id });

    // The reason is one the campaign page words (the DTO's schema accepts it).
    expect(campaignPauseSchema.parse({ reason: paused.pauseReason, params: paused.pauseParams }).reason).toBe(
      "sending_spike",
    );

    // Quiet again an hour later: the alert resolves, but the campaigns stay paused until an admin says so.
    const later = new Date(now.getTime() + 2 * HOUR);
    expect(await evaluateAlertRules({ organizationId, now: later })).toEqual({ fired: 0, resolved: 1 });
    expect((await campaignState(organizationId, onSpiking.id)).status).toBe("paused");

    // An agent cannot confirm; an admin resumes.
    const agent = await addMemberWithPassword(organizationId, "agent");
    await expect(
      callerFor(agent.userId, organizationId).campaigns.control({ campaignId: onSpiking.id, action: "resume" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await owner.campaigns.control({ campaignId: onSpiking.id, action: "resume" });
    expect(await campaignState(organizationId, onSpiking.id)).toMatchObject({ status: "running", pauseReason: null });
    expect((await campaignState(organizationId, onBoth.id)).status).toBe("paused");
  });

  it("a number without a week of history is not judged, and a spike of send failures pauses its campaigns too", async () => {
    const { organizationId } = await makeOrganization();
    const now = new Date();
    const fresh = await numberWithHistory(organizationId, now, 0, 0);
    await sendsInLastHour(organizationId, fresh.id, now, 200);
    const onFresh = await runningCampaign(organizationId, [fresh.id]);
    await withOrganization(organizationId, async (tx) => {
      await tx.alertRule.create({ data: { organizationId, kind: "sending_spike", threshold: 3, windowMinutes: 60 } });
      const conversation = await tx.conversation.create({
        data: { organizationId, instanceId: fresh.id, kind: "direct", chatKey: "c1", chatAddress: "5511999990000" },
      });
      await tx.message.createMany({
        data: (["failed", "failed", "failed", "sent", "delivered"] as const).map((status, index) => ({
          organizationId,
          instanceId: fresh.id,
          conversationId: conversation.id,
          direction: "outbound" as const,
          type: "text" as const,
          body: "oi",
          status,
          sentAt: new Date(now.getTime() - (index + 1) * MINUTE),
        })),
      });
    });
    expect(await evaluateAlertRules({ organizationId, now })).toEqual({ fired: 0, resolved: 0 });
    expect((await campaignState(organizationId, onFresh.id)).status).toBe("running");

    await withOrganization(organizationId, (tx) =>
      tx.alertRule.create({ data: { organizationId, kind: "send_failure_rate", threshold: 50, windowMinutes: 30 } }),
    );
    expect(await evaluateAlertRules({ organizationId, now })).toEqual({ fired: 1, resolved: 0 });
    expect(await campaignState(organizationId, onFresh.id)).toEqual({
      status: "paused",
      pauseReason: "failure_rate",
      pauseParams: { percent: 60, count: 3 },
    });
  });
});
