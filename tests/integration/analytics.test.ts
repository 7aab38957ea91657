import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { withOrganization } from "~/server/db/tenant";
import { backfillMessageEvents } from "~/server/domain/analytics/backfill-message-events";
import { bucketOf } from "~/server/domain/analytics/duration-buckets";
import { recordReportingEvents, type ReportingEventInput } from "~/server/domain/analytics/record-reporting-events";
import { rebuildReportingRollup, refreshReportingRollup } from "~/server/domain/analytics/refresh-reporting-rollup";
import { reportingKinds, type ReportingKind } from "~/server/domain/analytics/reporting-kinds";
import type { AggregateRow } from "~/server/domain/analytics/rollup-reporting-days";
import { newMessageId, textUpsert } from "../support/evolution-payloads";
import { callerFor, makeOrganization } from "../support/factory";
import { deliver, inboxFixture } from "../support/inbox-pipeline";
import { dayIn, expectTotalsOfEvents } from "../support/analytics-checks";
import { simulator } from "../support/simulator-control";

const jid = (digits: string) => `${digits}@s.whatsapp.net`;
const HOUR = 3_600_000;

/** What the rollup must hold, recomputed from the raw events in plain TypeScript. */
function recompute(timezone: string, events: ReportingEventInput[], beforeDay: string): AggregateRow[] {
  const rows = new Map<string, AggregateRow>();
  for (const event of events) {
    const day = dayIn(timezone, event.occurredAt);
    if (day >= beforeDay) continue;
    const bucket = event.value == null ? null : bucketOf(event.value);
    const key = [
      day,
      event.kind,
      event.instanceId ?? "",
      event.memberId ?? "",
      event.direction ?? "",
      bucket ?? "",
    ].join("|");
    const row = rows.get(key) ?? {
      day,
      kind: event.kind,
      instanceId: event.instanceId ?? null,
      memberId: event.memberId ?? null,
      direction: event.direction ?? null,
      bucket,
      // Events written without a business duration (the model's events carry none).
      businessBucket: null,
      count: 0,
      valueSum: 0,
    };
    row.count += 1;
    row.valueSum += event.value ?? 0;
    rows.set(key, row);
  }
  return sortRows([...rows.values()]);
}

function sortRows(rows: AggregateRow[]): AggregateRow[] {
  const key = (r: AggregateRow) =>
    [r.day, r.kind, r.instanceId ?? "", r.memberId ?? "", r.direction ?? "", r.bucket ?? -1].join("|");
  return rows
    .map((r) => ({ ...r, valueSum: Math.round(r.valueSum * 1000) / 1000 }))
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

async function rollupRows(organizationId: string): Promise<AggregateRow[]> {
  const rows = await withOrganization(
    organizationId,
    (tx) =>
      tx.$queryRaw<AggregateRow[]>`
      SELECT day::text AS day, kind, instance_id AS "instanceId", member_id AS "memberId", direction::text AS direction,
        bucket::int AS bucket, business_bucket::int AS "businessBucket", count, value_sum AS "valueSum"
      FROM reporting_daily`,
  );
  return sortRows(rows);
}

async function today(organizationId: string): Promise<string> {
  const [row] = await withOrganization(
    organizationId,
    (tx) =>
      tx.$queryRaw<{ today: string }[]>`SELECT (now() AT TIME ZONE timezone)::date::text AS today FROM organizations`,
  );
  return row!.today;
}

async function setTimezone(organizationId: string, timezone: string) {
  await withOrganization(organizationId, (tx) =>
    tx.organization.update({ where: { id: organizationId }, data: { timezone } }),
  );
}

describe("analytics: rollups", () => {
  it("for random event streams the rollup equals a recomputation from raw events, in any timezone", async () => {
    const { org, instanceId } = await inboxFixture();
    const other = await withOrganization(org.organizationId, (tx) =>
      tx.instance.create({
        data: {
          organizationId: org.organizationId,
          name: "Vendas",
          providerName: `p-${newMessageId()}`,
          webhookSecretHash: "x",
        },
      }),
    );
    const kinds = Object.values(reportingKinds) as ReportingKind[];
    const event = fc.record({
      kind: fc.constantFrom(...kinds),
      // Ten days back to a day ahead: days before today are rolled up, the rest must not be.
      offsetMinutes: fc.integer({ min: -10 * 24 * 60, max: 24 * 60 }),
      instance: fc.constantFrom<string | null>(instanceId, other.id, null),
      member: fc.constantFrom<string | null>(org.ownerId, null),
      direction: fc.constantFrom<"inbound" | "outbound" | null>("inbound", "outbound", null),
      value: fc.option(fc.double({ min: 0, max: 2_000_000, noNaN: true }), { nil: null }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("America/Sao_Paulo", "America/New_York", "UTC", "Asia/Kolkata", "Pacific/Chatham"),
        fc.array(event, { maxLength: 60 }),
        async (timezone, generated) => {
          await withOrganization(org.organizationId, async (tx) => {
            await tx.$executeRaw`DELETE FROM reporting_events`;
            await tx.$executeRaw`DELETE FROM reporting_daily`;
          });
          await setTimezone(org.organizationId, timezone);
          const now = Date.now();
          const events: ReportingEventInput[] = generated.map((e) => ({
            kind: e.kind,
            occurredAt: new Date(Math.floor(now / 1000) * 1000 + e.offsetMinutes * 60_000),
            instanceId: e.instance,
            memberId: e.member,
            direction: e.direction,
            value: e.value,
          }));
          await withOrganization(org.organizationId, (tx) => recordReportingEvents(tx, org.organizationId, events));
          await rebuildReportingRollup({ organizationId: org.organizationId });
          const day = await today(org.organizationId);
          expect(day).toBe(dayIn(timezone, new Date()));
          expect(await rollupRows(org.organizationId)).toEqual(recompute(timezone, events, day));

          // The dashboard (rollup up to yesterday, raw events for today) agrees with the raw events.
          const dashboard = await callerFor(org.ownerId, org.organizationId).analytics.dashboard({ periodDays: 7 });
          const inWindow = events.filter((e) => {
            const eventDay = dayIn(timezone, e.occurredAt);
            return eventDay >= dashboard.from && eventDay <= day;
          });
          expectTotalsOfEvents(dashboard.current, inWindow, "organization");
          expect(dashboard.members.map((m) => [m.memberId, m.name])).toEqual([[org.ownerId, "Owner"]]);
          expectTotalsOfEvents(
            dashboard.members[0]!,
            inWindow.filter((e) => e.memberId === org.ownerId),
            "member",
          );
          const vendas = dashboard.instances.find((i) => i.instanceId === other.id);
          expect(vendas?.name).toBe("Vendas");
          expectTotalsOfEvents(
            vendas!,
            inWindow.filter((e) => e.instanceId === other.id),
            "instance",
          );
          const window = recompute(timezone, events, "9999-12-31").filter(
            (r) => r.day >= dashboard.from && r.day <= day,
          );
          const inbound = new Map<string, number>();
          for (const r of window)
            if (r.kind === reportingKinds.messageInbound) inbound.set(r.day, (inbound.get(r.day) ?? 0) + r.count);
          for (const d of dashboard.days) expect(d.inbound, d.day).toBe(inbound.get(d.day) ?? 0);
        },
      ),
      { numRuns: 12 },
    );
  });

  it("puts events on the organization's day: 23:30 in São Paulo is the next day in UTC, and New York's DST", async () => {
    const { organizationId } = await makeOrganization();
    const inbound = (at: string): ReportingEventInput => ({
      kind: reportingKinds.messageInbound,
      occurredAt: new Date(at),
    });
    const counts = async () =>
      Object.fromEntries((await rollupRows(organizationId)).map((r) => [r.day, r.count] as const));

    await withOrganization(organizationId, (tx) =>
      recordReportingEvents(tx, organizationId, [
        inbound("2026-11-30T02:30:00Z"), // 23:30 on the 29th in São Paulo (UTC−3)
        inbound("2026-11-30T03:00:00Z"), // midnight: the 30th
      ]),
    );
    await rebuildReportingRollup({ organizationId });
    expect(await counts()).toEqual({ "2026-11-29": 1, "2026-11-30": 1 });

    await withOrganization(organizationId, async (tx) => {
      await tx.$executeRaw`DELETE FROM reporting_events`;
      await recordReportingEvents(tx, organizationId, [
        inbound("2026-03-08T04:59:00Z"), // 23:59 EST on the 7th
        inbound("2026-03-08T05:00:00Z"), // 00:00 EST on the 8th (a 23-hour day: DST starts at 02:00)
        inbound("2026-03-09T03:59:00Z"), // 23:59 EDT on the 8th
        inbound("2026-03-09T04:00:00Z"), // 00:00 EDT on the 9th
        inbound("2026-11-01T05:30:00Z"), // 01:30 EDT on Nov 1st (DST ends: a 25-hour day)
        inbound("2026-11-02T04:59:00Z"), // 23:59 EST on Nov 1st
      ]);
    });
    await setTimezone(organizationId, "America/New_York");
    await rebuildReportingRollup({ organizationId });
    expect(await counts()).toEqual({ "2026-03-07": 1, "2026-03-08": 2, "2026-03-09": 1, "2026-11-01": 2 });
  });

  it("a late event (created now, for a day long rolled up) lands in its day at the next refresh", async () => {
    const { org, owner, instanceId } = await inboxFixture();
    const fiveDaysAgo = new Date(Date.now() - 5 * 24 * HOUR);
    const day = dayIn("America/Sao_Paulo", fiveDaysAgo);
    await withOrganization(org.organizationId, (tx) =>
      recordReportingEvents(tx, org.organizationId, [
        { kind: reportingKinds.messageInbound, occurredAt: fiveDaysAgo, instanceId, direction: "inbound" },
      ]),
    );
    await refreshReportingRollup({ organizationId: org.organizationId });
    const before = await rollupRows(org.organizationId);
    expect(before.filter((r) => r.day === day).map((r) => r.count)).toEqual([1]);

    await withOrganization(org.organizationId, (tx) =>
      recordReportingEvents(tx, org.organizationId, [
        { kind: reportingKinds.messageInbound, occurredAt: fiveDaysAgo, instanceId, direction: "inbound" },
      ]),
    );
    const { days } = await refreshReportingRollup({ organizationId: org.organizationId });
    expect(days).toContain(day);
    expect((await rollupRows(org.organizationId)).filter((r) => r.day === day).map((r) => r.count)).toEqual([2]);
    const dashboard = await owner.analytics.dashboard({ periodDays: 7 });
    expect(dashboard.days.find((d) => d.day === day)?.inbound).toBe(2);
    expect(dashboard.current.inbound).toBe(2);
  });
  it("a timezone change moves events to the new days at once, and the next refresh rebuilds on them", async () => {
    const { org, owner, instanceId } = await inboxFixture();
    // 02:30 UTC three days ago: still the day before in São Paulo, the same day in Tokyo.
    const at = new Date(Date.now() - 3 * 24 * HOUR);
    at.setUTCHours(2, 30, 0, 0);
    await withOrganization(org.organizationId, (tx) =>
      recordReportingEvents(tx, org.organizationId, [
        { kind: reportingKinds.messageInbound, occurredAt: at, instanceId, direction: "inbound" },
      ]),
    );
    await refreshReportingRollup({ organizationId: org.organizationId });
    const dayOfEvent = async () =>
      (await owner.analytics.dashboard({ periodDays: 7 })).days.filter((d) => d.inbound > 0).map((d) => d.day);
    expect(await dayOfEvent()).toEqual([dayIn("America/Sao_Paulo", at)]);

    const { name } = await owner.organization.current();
    await owner.organization.update({ name, timezone: "Asia/Tokyo" });
    expect(await dayOfEvent()).toEqual([dayIn("Asia/Tokyo", at)]);
    await refreshReportingRollup({ organizationId: org.organizationId });
    expect(await dayOfEvent()).toEqual([dayIn("Asia/Tokyo", at)]);
    expect((await rollupRows(org.organizationId)).map((r) => r.day)).toEqual([dayIn("Asia/Tokyo", at)]);
  });
});

describe("analytics: history outlives a deleted number", () => {
  it("deleting a number keeps its events: the dashboard, the stored rollup and a rebuild from raw events agree", async () => {
    const { org, owner, instanceId } = await inboxFixture();
    const organizationId = org.organizationId;
    const daysAgo = (days: number) => new Date(Date.now() - days * 24 * HOUR);
    await withOrganization(organizationId, (tx) =>
      recordReportingEvents(tx, organizationId, [
        { kind: reportingKinds.messageInbound, occurredAt: daysAgo(3), instanceId, direction: "inbound" },
        { kind: reportingKinds.messageInbound, occurredAt: daysAgo(2), instanceId, direction: "inbound" },
        { kind: reportingKinds.messageOutbound, occurredAt: daysAgo(2), instanceId, direction: "outbound" },
        { kind: reportingKinds.firstResponse, occurredAt: daysAgo(2), instanceId, value: 240 },
      ]),
    );
    await rebuildReportingRollup({ organizationId });
    const rolledUp = await rollupRows(organizationId);
    const before = (await owner.analytics.dashboard({ periodDays: 7 })).current;
    expect(before).toMatchObject({ inbound: 2, outbound: 1, firstResponses: 1 });

    await owner.instances.action({ instanceId, action: "delete" });
    expect((await owner.instances.list()).instances.map((i) => i.id)).not.toContain(instanceId);

    const after = await owner.analytics.dashboard({ periodDays: 7 });
    expect(after.current).toEqual(before);
    expect(after.instances.map((i) => i.instanceId)).not.toContain(instanceId);
    await rebuildReportingRollup({ organizationId });
    expect(await rollupRows(organizationId)).toEqual(rolledUp);
  });
});

describe("analytics: events from the real paths", () => {
  it("messages fed through the webhook path show up in the dashboard's numbers, once each", async () => {
    const { org, owner, instanceId, providerName } = await inboxFixture();
    const bodies = [
      textUpsert(providerName, { remoteJid: jid("5511987651001") }, "Oi"),
      textUpsert(providerName, { remoteJid: jid("5511987651001") }, "Tudo bem?"),
      textUpsert(providerName, { remoteJid: jid("5511987651002") }, "Bom dia"),
      textUpsert(providerName, { remoteJid: jid("5511987651002"), fromMe: true }, "Bom dia! Como posso ajudar?"),
    ];
    for (const body of bodies) await deliver(org.organizationId, instanceId, body);
    // A replayed delivery adds nothing.
    await deliver(org.organizationId, instanceId, bodies[0]);

    const dashboard = await owner.analytics.dashboard({ periodDays: 7 });
    const todayRow = dashboard.days.at(-1)!;
    expect(todayRow).toEqual({ day: dashboard.to, inbound: 3, outbound: 1 });
    expect(dashboard.current).toMatchObject({ inbound: 3, outbound: 1 });
    expect(dashboard.previous).toMatchObject({ inbound: 0, outbound: 0 });
    expect(dashboard.instances).toEqual([expect.objectContaining({ instanceId, inbound: 3, outbound: 1 })]);

    // Same numbers once the rollup ran (today still from raw events, so nothing counted twice).
    await refreshReportingRollup({ organizationId: org.organizationId });
    expect((await owner.analytics.dashboard({ periodDays: 7 })).current).toEqual(dashboard.current);

    // Messages stored before analytics existed: the backfill gives them the same events, once.
    await withOrganization(org.organizationId, (tx) => tx.$executeRaw`DELETE FROM reporting_events`);
    expect((await owner.analytics.dashboard({ periodDays: 7 })).current.inbound).toBe(0);
    expect(await backfillMessageEvents({ organizationId: org.organizationId })).toEqual({ added: 4 });
    expect(await backfillMessageEvents({ organizationId: org.organizationId })).toEqual({ added: 0 });
    expect((await owner.analytics.dashboard({ periodDays: 7 })).current).toEqual(dashboard.current);
  });

  it("a member's reply records the first response; closing and reopening record resolution and reopening", async () => {
    const fixture = await inboxFixture();
    const { org, owner, instanceId, providerName } = fixture;
    await owner.instances.connect({ instanceId });
    await simulator.scan(providerName, { phoneNumber: "5511900002222" });
    await expect.poll(async () => (await owner.instances.get({ instanceId })).state, { timeout: 15_000 }).toBe("open");
    const customer = jid("5511987652001");
    const waited = 10 * 60; // the customer wrote ten minutes ago
    await deliver(
      org.organizationId,
      instanceId,
      textUpsert(providerName, { remoteJid: customer }, "Preciso de ajuda", {
        timestamp: Math.floor(Date.now() / 1000) - waited,
      }),
    );
    const [conversation] = (await owner.conversations.list({ limit: 5 })).items;
    // An automatic send in between (a campaign message, a confirmation: claimed by a worker, no author)
    // answers no one: the member's reply below is still the first response.
    await withOrganization(org.organizationId, (tx) =>
      tx.message.create({
        data: {
          organizationId: org.organizationId,
          instanceId,
          conversationId: conversation!.id,
          providerMessageId: newMessageId(),
          direction: "outbound",
          type: "text",
          body: "Mensagem automática",
          status: "sent",
          sentAt: new Date(Date.now() - 5 * 60_000),
          sendClaimedAt: new Date(Date.now() - 5 * 60_000),
        },
      }),
    );
    // Two replies, each awaited until the worker sent it: only the first is the first response.
    for (const [sent, body] of ["Claro!", "Algo mais?"].entries()) {
      await owner.conversations.reply({ conversationId: conversation!.id, clientMessageId: crypto.randomUUID(), body });
      await expect
        .poll(async () => (await owner.analytics.dashboard({ periodDays: 7 })).current.outbound, { timeout: 15_000 })
        .toBe(sent + 1);
    }

    await owner.conversations.setStatus({ conversationId: conversation!.id, status: "closed" });
    // The customer writes again: the conversation reopens (webhook path).
    await deliver(org.organizationId, instanceId, textUpsert(providerName, { remoteJid: customer }, "Mais uma coisa"));

    const { current } = await owner.analytics.dashboard({ periodDays: 7 });
    expect(current).toMatchObject({ inbound: 2, outbound: 2, firstResponses: 1, resolved: 1, reopened: 1 });
    // One first response of about ten minutes: inside the 600–900 s bucket.
    expect(current.firstResponseP50).toBeGreaterThanOrEqual(600);
    expect(current.firstResponseP50).toBeLessThan(900);
    expect(current.resolutionP50).not.toBeNull();
  });
});
