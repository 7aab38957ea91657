import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { withOrganization } from "~/server/db/tenant";
import { bucketOf, emptyHistogram, percentileOf } from "~/server/domain/analytics/duration-buckets";
import { fillBusinessDurations } from "~/server/domain/analytics/fill-business-durations";
import { recomputeBusinessDurations } from "~/server/domain/analytics/recompute-business-durations";
import { recordReportingEvents } from "~/server/domain/analytics/record-reporting-events";
import { refreshReportingRollup } from "~/server/domain/analytics/refresh-reporting-rollup";
import { reportingKinds } from "~/server/domain/analytics/reporting-kinds";
import { defaultBusinessHours } from "~/shared/schemas/business-hours";
import { callerFor, makeOrganization } from "../support/factory";

/** São Paulo is UTC-3 all year (no DST since 2019). */
const saoPaulo = (local: string) => new Date(`${local}-03:00`);

async function firstResponse(organizationId: string, openedAt: Date, answeredAt: Date) {
  const conversationId = randomUUID();
  await withOrganization(organizationId, async (tx) => {
    await recordReportingEvents(tx, organizationId, [
      {
        kind: reportingKinds.firstResponse,
        occurredAt: answeredAt,
        conversationId,
        value: (answeredAt.getTime() - openedAt.getTime()) / 1000,
      },
    ]);
    await fillBusinessDurations(tx, organizationId, { conversationIds: [conversationId] });
  });
  return conversationId;
}

async function stored(organizationId: string, conversationId: string) {
  return withOrganization(organizationId, (tx) =>
    tx.reportingEvent.findFirstOrThrow({ where: { conversationId }, select: { value: true, businessValue: true } }),
  );
}

describe("analytics: business hours", () => {
  it("Friday 17:30 answered Monday 08:30 in São Paulo is 63 h wall clock and 60 min of business hours", async () => {
    const org = await makeOrganization();
    const owner = callerFor(org.ownerId, org.organizationId);
    expect(await owner.organization.businessHours()).toEqual(defaultBusinessHours);
    const id = await firstResponse(
      org.organizationId,
      saoPaulo("2026-11-27T17:30:00"),
      saoPaulo("2026-11-30T08:30:00"),
    );
    expect(await stored(org.organizationId, id)).toEqual({ value: 63 * 3600, businessValue: 3600 });
  });

  it("a national holiday counts as closed (Consciência Negra, Friday 2026-11-20), unless not observed", async () => {
    const org = await makeOrganization();
    const owner = callerFor(org.ownerId, org.organizationId);
    const opened = saoPaulo("2026-11-19T17:30:00");
    const answered = saoPaulo("2026-11-23T08:30:00");
    const id = await firstResponse(org.organizationId, opened, answered);
    expect((await stored(org.organizationId, id)).businessValue).toBe(3600);

    await owner.organization.updateBusinessHours({ ...defaultBusinessHours, observeNationalHolidays: false });
    await recomputeBusinessDurations({ organizationId: org.organizationId });
    expect((await stored(org.organizationId, id)).businessValue).toBe(3600 + 10 * 3600);
  });

  it("changing the hours recomputes durations and rollups; the dashboard's business p50/p90 come from buckets", async () => {
    const org = await makeOrganization();
    const owner = callerFor(org.ownerId, org.organizationId);
    const id = await firstResponse(
      org.organizationId,
      saoPaulo("2026-11-27T17:30:00"),
      saoPaulo("2026-11-30T08:30:00"),
    );
    await refreshReportingRollup({ organizationId: org.organizationId });

    const histogramOf = (seconds: number) => {
      const histogram = emptyHistogram();
      histogram[bucketOf(seconds)] = 1;
      return histogram;
    };
    const wallClock = await owner.analytics.dashboard({ periodDays: 30 });
    expect(wallClock.current.firstResponseP50).toBe(percentileOf(histogramOf(63 * 3600), 0.5));
    const business = await owner.analytics.dashboard({ periodDays: 30, businessHours: true });
    expect(business.businessHours).toBe(true);
    expect(business.current.firstResponses).toBe(1);
    expect(business.current.firstResponseP50).toBe(percentileOf(histogramOf(3600), 0.5));
    expect(business.current.firstResponseP90).toBe(percentileOf(histogramOf(3600), 0.9));

    // Mondays now open at 09:00: only Friday's half hour counts.
    const monday09 = {
      ...defaultBusinessHours,
      week: { ...defaultBusinessHours.week, "1": [[540, 1080]] as [number, number][] },
    };
    await owner.organization.updateBusinessHours(monday09);
    expect(await owner.organization.businessHours()).toEqual(monday09);
    const jobs = await withOrganization(
      org.organizationId,
      (tx) =>
        tx.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'analytics.business-hours'
          AND data->>'organizationId' = ${org.organizationId}`,
    );
    expect(jobs[0]!.n).toBeGreaterThanOrEqual(1);
    const first = await recomputeBusinessDurations({ organizationId: org.organizationId });
    expect(first.events).toBe(1);
    // Idempotent: a second run gives the same values and rows.
    const second = await recomputeBusinessDurations({ organizationId: org.organizationId });
    expect(second).toEqual(first);
    expect((await stored(org.organizationId, id)).businessValue).toBe(1800);
    const after = await owner.analytics.dashboard({ periodDays: 30, businessHours: true });
    expect(after.current.firstResponseP50).toBe(percentileOf(histogramOf(1800), 0.5));
    expect(after.current.firstResponseP50).not.toBe(business.current.firstResponseP50);
    const audit = await withOrganization(org.organizationId, (tx) =>
      tx.auditLog.count({
        where: { organizationId: org.organizationId, action: "organization.business_hours_updated" },
      }),
    );
    expect(audit).toBe(1);
  });

  it("rejects overlapping or inverted intervals", async () => {
    const org = await makeOrganization();
    const owner = callerFor(org.ownerId, org.organizationId);
    const week = {
      ...defaultBusinessHours.week,
      "1": [
        [480, 720],
        [700, 1080],
      ] as [number, number][],
    };
    await expect(owner.organization.updateBusinessHours({ ...defaultBusinessHours, week })).rejects.toThrow();
    const inverted = { ...defaultBusinessHours.week, "2": [[1080, 480]] as [number, number][] };
    await expect(owner.organization.updateBusinessHours({ ...defaultBusinessHours, week: inverted })).rejects.toThrow();
  });
});
