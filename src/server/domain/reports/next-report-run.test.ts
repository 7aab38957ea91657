import { describe, expect, it } from "vitest";
import type { ReportSchedule } from "~/shared/schemas/reports";
import { nextReportRun, zonedTime } from "./next-report-run";

const schedule = (overrides: Partial<ReportSchedule>): ReportSchedule => ({
  frequency: "daily",
  time: "08:00",
  weekday: 1,
  monthDay: 1,
  recipients: ["ops@example.com"],
  format: "xlsx",
  ...overrides,
});

describe("next report run", () => {
  it("is the local time in the organization's zone: 08:00 in São Paulo is 11:00 UTC", () => {
    expect(nextReportRun(schedule({}), "America/Sao_Paulo", new Date("2026-12-03T10:59:00Z"))).toEqual(
      new Date("2026-12-03T11:00:00Z"),
    );
    expect(nextReportRun(schedule({}), "America/Sao_Paulo", new Date("2026-12-03T11:00:00Z"))).toEqual(
      new Date("2026-12-04T11:00:00Z"),
    );
  });

  it("late evening in São Paulo is already the next UTC day, and the local day is what counts", () => {
    // 23:30 on Thursday 3 December in São Paulo = 02:30 UTC on Friday the 4th.
    const after = new Date("2026-12-04T02:30:00Z");
    expect(nextReportRun(schedule({ time: "23:45" }), "America/Sao_Paulo", after)).toEqual(
      new Date("2026-12-04T02:45:00Z"),
    );
    // Weekly on Friday (5) at 08:00: Friday the 4th, local.
    expect(nextReportRun(schedule({ frequency: "weekly", weekday: 5 }), "America/Sao_Paulo", after)).toEqual(
      new Date("2026-12-04T11:00:00Z"),
    );
  });

  it("follows a daylight-saving change (New York: 08:00 is 13:00 UTC in winter, 12:00 in summer)", () => {
    expect(zonedTime("2026-03-07", "08:00", "America/New_York")).toEqual(new Date("2026-03-07T13:00:00Z"));
    expect(zonedTime("2026-03-09", "08:00", "America/New_York")).toEqual(new Date("2026-03-09T12:00:00Z"));
    expect(nextReportRun(schedule({}), "America/New_York", new Date("2026-03-07T14:00:00Z"))).toEqual(
      new Date("2026-03-08T12:00:00Z"),
    );
  });

  it("monthly on a day of the month, and never without recipients or a frequency", () => {
    expect(
      nextReportRun(
        schedule({ frequency: "monthly", monthDay: 1, time: "07:30" }),
        "UTC",
        new Date("2026-12-03T00:00:00Z"),
      ),
    ).toEqual(new Date("2027-01-01T07:30:00Z"));
    expect(nextReportRun(schedule({ recipients: [] }), "UTC", new Date())).toBeNull();
    expect(nextReportRun(schedule({ frequency: "none" }), "UTC", new Date())).toBeNull();
  });
});
