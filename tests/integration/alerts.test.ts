import { once } from "node:events";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOrganization } from "~/server/db/tenant";
import { deliverAlertNotification } from "~/server/domain/alerts/deliver-alert-notification";
import { evaluateAlertRules } from "~/server/domain/alerts/evaluate-alert-rules";
import { postAlertWebhook } from "~/server/domain/alerts/post-alert-webhook";
import {
  alertSignatureHeader,
  alertTimestampHeader,
  alertWebhookSignatureMatches,
} from "~/server/domain/alerts/sign-alert-webhook";
import { callerFor, makeOrganization } from "../support/factory";
import { smtpInbox } from "../support/smtp-inbox";

const MINUTE = 60_000;

/** A number that went down at `downSince`, and an instance_down rule over it (no schedule: the test drives time). */
async function downNumber(
  organizationId: string,
  downSince: Date,
  rule: { cooldownMinutes?: number; notifyEmail?: boolean; notifyWebhook?: boolean } = {},
) {
  return withOrganization(organizationId, async (tx) => {
    const instance = await tx.instance.create({
      data: {
        organizationId,
        name: `Vendas ${randomUUID().slice(0, 4)}`,
        providerName: `alerts-${randomUUID()}`,
        webhookSecretHash: "0".repeat(64),
        state: "close",
        downSince,
      },
    });
    await tx.alertRule.create({
      data: {
        organizationId,
        kind: "instance_down",
        threshold: 5,
        cooldownMinutes: rule.cooldownMinutes ?? 60,
        notifyEmail: rule.notifyEmail ?? false,
        notifyWebhook: rule.notifyWebhook ?? false,
      },
    });
    return instance;
  });
}

const setInstance = (organizationId: string, id: string, data: { state: "open" | "close"; downSince: Date | null }) =>
  withOrganization(organizationId, (tx) => tx.instance.update({ where: { id }, data }));

describe("alert rules", () => {
  it("fires once per number, stays quiet while firing, resolves, and honours the cooldown", async () => {
    const { organizationId, ownerId } = await makeOrganization();
    const t0 = new Date("2026-11-02T12:00:00Z");
    const instance = await downNumber(organizationId, t0, { cooldownMinutes: 60 });
    const at = (minutes: number) => new Date(t0.getTime() + minutes * MINUTE);

    expect(await evaluateAlertRules({ organizationId, now: at(3) })).toEqual({ fired: 0, resolved: 0 });
    expect(await evaluateAlertRules({ organizationId, now: at(6) })).toEqual({ fired: 1, resolved: 0 });
    expect(await evaluateAlertRules({ organizationId, now: at(7) })).toEqual({ fired: 0, resolved: 0 });

    await setInstance(organizationId, instance.id, { state: "open", downSince: null });
    expect(await evaluateAlertRules({ organizationId, now: at(8) })).toEqual({ fired: 0, resolved: 1 });
    expect(await evaluateAlertRules({ organizationId, now: at(9) })).toEqual({ fired: 0, resolved: 0 });

    // Down again soon after: within the hour since the last firing, nothing; after it, one new firing.
    await setInstance(organizationId, instance.id, { state: "close", downSince: at(10) });
    expect(await evaluateAlertRules({ organizationId, now: at(30) })).toEqual({ fired: 0, resolved: 0 });
    expect(await evaluateAlertRules({ organizationId, now: at(67) })).toEqual({ fired: 1, resolved: 0 });

    const caller = callerFor(ownerId, organizationId);
    const bell = await caller.alerts.notifications();
    expect(bell.unread).toBe(3);
    expect(bell.items.map((item) => [item.transition, item.kind, item.subject])).toEqual([
      ["fired", "instance_down", instance.id],
      ["resolved", "instance_down", instance.id],
      ["fired", "instance_down", instance.id],
    ]);
    expect(bell.items[2]!.params).toEqual({ instanceName: instance.name, minutes: 6 });
    expect(bell.items[1]!.params).toEqual({ instanceName: instance.name, minutes: 6 });

    expect(await caller.alerts.markRead({ ids: [bell.items[0]!.id] })).toEqual({ marked: 1 });
    expect((await caller.alerts.notifications()).unread).toBe(2);
    expect(await caller.alerts.markRead({})).toEqual({ marked: 2 });
    expect(await caller.alerts.markRead({})).toEqual({ marked: 0 });
  });

  it("does not fire for another organization's number, and rules save idempotently per kind", async () => {
    const mine = await makeOrganization();
    const other = await makeOrganization();
    await downNumber(other.organizationId, new Date("2026-11-02T12:00:00Z"));
    const caller = callerFor(mine.ownerId, mine.organizationId);
    const rule = {
      kind: "instance_down" as const,
      enabled: true,
      threshold: 5,
      windowMinutes: 15,
      cooldownMinutes: 30,
      notifyEmail: false,
      notifyWebhook: false,
    };
    const first = await caller.alerts.saveRule(rule);
    const second = await caller.alerts.saveRule({ ...rule, threshold: 10 });
    expect(second.id).toBe(first.id);
    const rules = await caller.alerts.rules();
    expect(rules.find((entry) => entry.kind === "instance_down")).toMatchObject({ id: first.id, threshold: 10 });
    expect(rules.filter((entry) => entry.id === null)).toHaveLength(7);
    expect(
      await evaluateAlertRules({ organizationId: mine.organizationId, now: new Date("2026-11-02T13:00:00Z") }),
    ).toEqual({ fired: 0, resolved: 0 });
  });

  it("counts send failures per number over the window, with a minimum sample", async () => {
    const { organizationId } = await makeOrganization();
    const now = new Date("2026-11-03T15:00:00Z");
    await withOrganization(organizationId, async (tx) => {
      const instance = await tx.instance.create({
        data: {
          organizationId,
          name: "Suporte",
          providerName: `alerts-${randomUUID()}`,
          webhookSecretHash: "0".repeat(64),
        },
      });
      const conversation = await tx.conversation.create({
        data: { organizationId, instanceId: instance.id, kind: "direct", chatKey: "c1", chatAddress: "5511999990000" },
      });
      const statuses = ["failed", "failed", "sent", "delivered", "read", "failed"] as const;
      await tx.message.createMany({
        data: statuses.map((status, index) => ({
          organizationId,
          instanceId: instance.id,
          conversationId: conversation.id,
          direction: "outbound" as const,
          type: "text" as const,
          body: "oi",
          status,
          // The last failure is outside the 30-minute window.
          sentAt: new Date(now.getTime() - (index === 5 ? 45 : index + 1) * MINUTE),
        })),
      });
      await tx.alertRule.create({
        data: { organizationId, kind: "send_failure_rate", threshold: 40, windowMinutes: 30 },
      });
    });
    const { fired } = await evaluateAlertRules({ organizationId, now });
    expect(fired).toBe(1);
    const [notification] = await withOrganization(organizationId, (tx) => tx.alertNotification.findMany());
    expect(notification!.params).toEqual({
      instanceName: "Suporte",
      percent: 40,
      failed: 2,
      total: 5,
      windowMinutes: 30,
    });
  });
});

describe("alert delivery", () => {
  const inbox = smtpInbox();
  const hooks: { headers: IncomingMessage["headers"]; body: string }[] = [];
  const hookServer = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      if (request.url === "/failing") return void response.writeHead(503).end();
      hooks.push({ headers: request.headers, body });
      response.writeHead(200).end("ok");
    });
  });
  let hookUrl = "";

  beforeAll(async () => {
    await inbox.start();
    hookServer.listen(0, "127.0.0.1");
    await once(hookServer, "listening");
    hookUrl = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await inbox.stop();
    hookServer.close();
  });

  async function firedNotification(
    organizationId: string,
    channels: { notifyEmail?: boolean; notifyWebhook?: boolean },
  ) {
    const t0 = new Date("2026-11-04T12:00:00Z");
    const instance = await downNumber(organizationId, t0, channels);
    await evaluateAlertRules({ organizationId, now: new Date(t0.getTime() + 10 * MINUTE) });
    const [notification] = await withOrganization(organizationId, (tx) => tx.alertNotification.findMany());
    return { instance, notificationId: notification!.id };
  }

  it("e-mails the recipients through the SMTP server, worded in the organization's language", async () => {
    const { organizationId, ownerId } = await makeOrganization();
    const recipient = `ops-${randomUUID().slice(0, 6)}@example.com`;
    await callerFor(ownerId, organizationId).alerts.saveChannels({ emailRecipients: [recipient], webhookUrl: null });
    const { instance, notificationId } = await firedNotification(organizationId, { notifyEmail: true });

    await deliverAlertNotification({ organizationId, notificationId, channel: "email" });
    const mail = inbox.mails.find((entry) => entry.to === recipient);
    expect(mail?.subject).toBe(`O número ${instance.name} está desconectado há 10 minutos`);
    expect(mail?.text).toContain("04/11/2026 09:10");
  });

  it("posts Slack-compatible JSON signed with HMAC-SHA256 over timestamp and body", async () => {
    const { organizationId, ownerId } = await makeOrganization();
    const caller = callerFor(ownerId, organizationId);
    const saved = await caller.alerts.saveChannels({ emailRecipients: [], webhookUrl: `${hookUrl}/hook` });
    expect(saved.newWebhookSecret).toMatch(/.{32,}/);
    const secret = saved.newWebhookSecret!;
    // Saving again keeps the secret (and does not show it again).
    expect(
      (await caller.alerts.saveChannels({ emailRecipients: [], webhookUrl: `${hookUrl}/hook` })).newWebhookSecret,
    ).toBeNull();

    const { instance, notificationId } = await firedNotification(organizationId, { notifyWebhook: true });
    await deliverAlertNotification({ organizationId, notificationId, channel: "webhook" });
    const hook = hooks.find((entry) => (JSON.parse(entry.body) as { id: string }).id === notificationId);
    expect(hook).toBeDefined();
    const timestamp = Number(hook!.headers[alertTimestampHeader]);
    const signature = String(hook!.headers[alertSignatureHeader]);
    expect(alertWebhookSignatureMatches(secret, timestamp, hook!.body, signature)).toBe(true);
    expect(alertWebhookSignatureMatches("other-secret", timestamp, hook!.body, signature)).toBe(false);
    expect(alertWebhookSignatureMatches(secret, timestamp + 1, hook!.body, signature)).toBe(false);
    const body = JSON.parse(hook!.body) as { text: string; kind: string; transition: string };
    expect(body).toMatchObject({ kind: "instance_down", transition: "fired" });
    expect(body.text).toContain(`O número ${instance.name} está desconectado há 10 minutos`);
  });

  it("throws on a failing endpoint so the job retries, and refuses private addresses not listed", async () => {
    await expect(postAlertWebhook({ url: `${hookUrl}/failing`, secret: "s" }, { text: "x" })).rejects.toThrow(/503/);
    expect(await postAlertWebhook({ url: "http://10.1.2.3/hook", secret: "s" }, { text: "x" })).toBe("blocked");
    const { organizationId, ownerId } = await makeOrganization();
    await expect(
      callerFor(ownerId, organizationId).alerts.saveChannels({
        emailRecipients: [],
        webhookUrl: "http://169.254.169.254/",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
  it("AI spend: fires once when the month's cost reaches the threshold, resolves when the month turns, then cools down", async () => {
    const { organizationId, ownerId } = await makeOrganization();
    // 23:30 on 30 November in São Paulo is already December in UTC: the month is the organization's.
    const lateNovember = new Date("2026-12-01T02:30:00Z");
    const call = (createdAt: Date, cost: number) => ({
      organizationId,
      feature: "classification",
      engine: "provider",
      model: "gpt-test",
      promptVersion: "v1",
      cost,
      outcome: "ok",
      input: {},
      createdAt,
    });
    await withOrganization(organizationId, async (tx) => {
      await tx.organization.update({ where: { id: organizationId }, data: { timezone: "America/Sao_Paulo" } });
      await tx.aiCall.createMany({
        data: [
          call(new Date("2026-10-31T12:00:00Z"), 500), // October: not this month
          call(new Date("2026-11-10T12:00:00Z"), 30.5),
          call(new Date("2026-11-20T12:00:00Z"), 20),
        ],
      });
      await tx.alertRule.create({ data: { organizationId, kind: "ai_spend", threshold: 60, cooldownMinutes: 60 } });
    });
    expect(await evaluateAlertRules({ organizationId, now: new Date("2026-11-25T12:00:00Z") })).toEqual({
      fired: 0,
      resolved: 0,
    });
    await withOrganization(organizationId, (tx) =>
      tx.aiCall.create({ data: call(new Date("2026-12-01T02:00:00Z"), 10) }),
    );
    expect(await evaluateAlertRules({ organizationId, now: lateNovember })).toEqual({ fired: 1, resolved: 0 });
    expect(await evaluateAlertRules({ organizationId, now: new Date(lateNovember.getTime() + MINUTE) })).toEqual({
      fired: 0,
      resolved: 0,
    });
    // Raising the threshold clears it; lowering it again inside the cooldown stays quiet.
    const setThreshold = (threshold: number) =>
      withOrganization(organizationId, (tx) =>
        tx.alertRule.updateMany({ where: { organizationId, kind: "ai_spend" }, data: { threshold } }),
      );
    await setThreshold(100);
    const at = (minutes: number) => new Date(lateNovember.getTime() + minutes * MINUTE);
    expect(await evaluateAlertRules({ organizationId, now: at(2) })).toEqual({ fired: 0, resolved: 1 });
    await setThreshold(60);
    expect(await evaluateAlertRules({ organizationId, now: at(3) })).toEqual({ fired: 0, resolved: 0 });
    const bell = await callerFor(ownerId, organizationId).alerts.notifications();
    // Newest first.
    expect(bell.items.map((item) => [item.kind, item.transition])).toEqual([
      ["ai_spend", "resolved"],
      ["ai_spend", "fired"],
    ]);
    expect(bell.items[1]!.params).toEqual({ spent: 60.5, threshold: 60, currency: "BRL", month: "2026-11" });
    // December in São Paulo: November's spend no longer counts; December's fires for its own month.
    expect(await evaluateAlertRules({ organizationId, now: new Date("2026-12-01T03:30:00Z") })).toEqual({
      fired: 0,
      resolved: 0,
    });
    await withOrganization(organizationId, (tx) =>
      tx.aiCall.create({ data: call(new Date("2026-12-01T03:40:00Z"), 61) }),
    );
    expect(await evaluateAlertRules({ organizationId, now: new Date("2026-12-01T03:45:00Z") })).toEqual({
      fired: 1,
      resolved: 0,
    });
  });
});
