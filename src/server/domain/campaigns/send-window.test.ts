import { describe, expect, it } from "vitest";
import { brazilianNationalHolidays } from "./brazilian-holidays";
import { nextWindowOpening, outsideWindow, type SendSchedule } from "./send-window";

const TZ = "America/Sao_Paulo";
const businessHours: SendSchedule = {
  startAt: "2026-11-01T00:00:00Z",
  weekdays: [1, 2, 3, 4, 5],
  from: "09:00",
  to: "18:00",
  quietFrom: "12:00",
  quietTo: "13:00",
  skipHolidays: true,
};

describe("brazilianNationalHolidays", () => {
  it("includes Good Friday and, from 2024, Black Consciousness Day", () => {
    expect(brazilianNationalHolidays(2026)).toContain("2026-04-03");
    expect(brazilianNationalHolidays(2025)).toContain("2025-04-18");
    expect(brazilianNationalHolidays(2026)).toContain("2026-11-20");
    expect(brazilianNationalHolidays(2023)).not.toContain("2023-11-20");
    expect(brazilianNationalHolidays(2026).size).toBe(10);
  });
});

describe("outsideWindow (São Paulo time)", () => {
  it("allows a weekday inside the hours", () => {
    // Wednesday 2026-11-25 10:00 in São Paulo = 13:00 UTC.
    expect(outsideWindow(businessHours, TZ, new Date("2026-11-25T13:00:00Z"))).toBeNull();
  });
  it("refuses before opening, at closing, during quiet hours, weekends and holidays", () => {
    expect(outsideWindow(businessHours, TZ, new Date("2026-11-25T11:59:00Z"))).toBe("outside_hours");
    expect(outsideWindow(businessHours, TZ, new Date("2026-11-25T21:00:00Z"))).toBe("outside_hours");
    expect(outsideWindow(businessHours, TZ, new Date("2026-11-25T15:30:00Z"))).toBe("quiet_hours");
    expect(outsideWindow(businessHours, TZ, new Date("2026-11-28T13:00:00Z"))).toBe("weekday");
    expect(outsideWindow(businessHours, TZ, new Date("2026-11-20T13:00:00Z"))).toBe("holiday");
  });
  it("finds the next opening: after a holiday Friday and a weekend, Monday 09:00", () => {
    // Friday 2026-11-20 (holiday) 10:00 → Monday 2026-11-23 09:00 São Paulo = 12:00 UTC.
    expect(nextWindowOpening(businessHours, TZ, new Date("2026-11-20T13:00:00Z"))).toEqual(
      new Date("2026-11-23T12:00:00Z"),
    );
    // In the quiet hour → 13:00.
    expect(nextWindowOpening(businessHours, TZ, new Date("2026-11-25T15:10:00Z"))).toEqual(
      new Date("2026-11-25T16:00:00Z"),
    );
  });
  it("never opens after the end", () => {
    expect(
      nextWindowOpening({ ...businessHours, endAt: "2026-11-25T20:00:00Z" }, TZ, new Date("2026-11-25T21:30:00Z")),
    ).toBeNull();
  });
});
