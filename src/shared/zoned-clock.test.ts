import { describe, expect, it } from "vitest";
import { localDate, localMinuteOfDay, wallClockIn, zoneOffsetMs, zonedInstant } from "./zoned-clock";

const iso = (ms: number) => new Date(ms).toISOString();

describe("zoned clock", () => {
  it("reads an instant on the zone's wall clock", () => {
    // 23:30 in São Paulo is already the next day in UTC.
    const lateEvening = new Date("2026-12-05T02:30:00Z");
    expect(localDate(lateEvening, "America/Sao_Paulo")).toBe("2026-12-04");
    expect(localMinuteOfDay(lateEvening, "America/Sao_Paulo")).toBe(23 * 60 + 30);
    expect(wallClockIn(lateEvening, "America/Sao_Paulo").isoWeekday).toBe(5); // Friday
    expect(wallClockIn(lateEvening, "UTC").isoWeekday).toBe(6);
    expect(zoneOffsetMs("America/Sao_Paulo", lateEvening.getTime())).toBe(-3 * 3_600_000);
    expect(zoneOffsetMs("Asia/Kolkata", lateEvening.getTime())).toBe(5.5 * 3_600_000);
  });

  it("maps wall times to instants like Temporal's compatible rule", () => {
    // 02:30 does not exist on the spring-forward night in New York: moved forward by the jump (03:30 EDT).
    expect(iso(zonedInstant("2026-03-08", 150, "America/New_York"))).toBe("2026-03-08T07:30:00.000Z");
    // 01:30 happens twice on the fall-back night: the first (EDT) one.
    expect(iso(zonedInstant("2026-11-01", 90, "America/New_York"))).toBe("2026-11-01T05:30:00.000Z");
    expect(iso(zonedInstant("2026-12-04", 540, "America/Sao_Paulo"))).toBe("2026-12-04T12:00:00.000Z");
    // São Paulo still had DST in 2018: midnight of 4 November did not exist (clocks went to 01:00).
    expect(iso(zonedInstant("2018-11-04", 0, "America/Sao_Paulo"))).toBe("2018-11-04T03:00:00.000Z");
    expect(zonedInstant("2026-13-45", 0, "America/Sao_Paulo")).toBeNaN();
  });
});
