import { expect } from "vitest";
import { bucketOf, DURATION_BOUNDS } from "../../src/server/domain/analytics/duration-buckets";
import type { PeriodTotals } from "../../src/server/domain/analytics/get-analytics-dashboard";
import type { ReportingEventInput } from "../../src/server/domain/analytics/record-reporting-events";
import { reportingKinds, type ReportingKind } from "../../src/server/domain/analytics/reporting-kinds";

/** The organization day of an instant, computed independently of PostgreSQL (ICU's timezone data). */
export function dayIn(timezone: string, at: Date): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: timezone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(at);
}

/**
 * Checks dashboard totals against the raw events themselves (not through the dashboard's own code): counts
 * exactly; a percentile must lie in the duration bucket that holds the exact nearest-rank value.
 */
export function expectTotalsOfEvents(actual: PeriodTotals, events: readonly ReportingEventInput[], label: string) {
  const ofKind = (kind: ReportingKind) => events.filter((e) => e.kind === kind);
  expect(
    {
      inbound: actual.inbound,
      outbound: actual.outbound,
      firstResponses: actual.firstResponses,
      resolved: actual.resolved,
      reopened: actual.reopened,
      assigned: actual.assigned,
    },
    label,
  ).toEqual({
    inbound: ofKind(reportingKinds.messageInbound).length,
    outbound: ofKind(reportingKinds.messageOutbound).length,
    firstResponses: ofKind(reportingKinds.firstResponse).length,
    resolved: ofKind(reportingKinds.resolved).length,
    reopened: ofKind(reportingKinds.reopened).length,
    assigned: ofKind(reportingKinds.assigned).length,
  });
  const checkPercentile = (value: number | null, kind: ReportingKind, q: number) => {
    const values = ofKind(kind)
      .flatMap((e) => (e.value == null ? [] : [e.value]))
      .sort((a, b) => a - b);
    if (values.length === 0) return expect(value, `${label} ${kind} p${q * 100}`).toBeNull();
    const bucket = bucketOf(values[Math.ceil(q * values.length) - 1]!);
    const lower = bucket === 0 ? 0 : DURATION_BOUNDS[bucket - 1]!;
    const upper = DURATION_BOUNDS[bucket];
    if (upper === undefined) return expect(value, `${label} ${kind} p${q * 100}`).toBe(lower);
    expect(value, `${label} ${kind} p${q * 100}`).toBeGreaterThanOrEqual(lower);
    expect(value, `${label} ${kind} p${q * 100}`).toBeLessThanOrEqual(upper);
  };
  checkPercentile(actual.firstResponseP50, reportingKinds.firstResponse, 0.5);
  checkPercentile(actual.firstResponseP90, reportingKinds.firstResponse, 0.9);
  checkPercentile(actual.resolutionP50, reportingKinds.resolved, 0.5);
  checkPercentile(actual.resolutionP90, reportingKinds.resolved, 0.9);
}
