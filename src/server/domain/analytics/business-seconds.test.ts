import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { businessSecondsBetween, type BusinessCalendar } from "./business-seconds";

const weekdays9to18 = {
  1: [[540, 1080]],
  2: [[540, 1080]],
  3: [[540, 1080]],
  4: [[540, 1080]],
  5: [[540, 1080]],
} as const;
const calendar = (overrides: Partial<BusinessCalendar> = {}): BusinessCalendar => ({
  timezone: "America/Sao_Paulo",
  week: weekdays9to18,
  observeNationalHolidays: true,
  closedDays: [],
  ...overrides,
});
const allDay = {
  1: [[0, 1440]],
  2: [[0, 1440]],
  3: [[0, 1440]],
  4: [[0, 1440]],
  5: [[0, 1440]],
  6: [[0, 1440]],
  7: [[0, 1440]],
} as const;
const at = (iso: string) => new Date(iso);
const zones = ["America/Sao_Paulo", "America/New_York", "Europe/Lisbon", "Australia/Lord_Howe", "America/Manaus"];

describe("business seconds between two instants", () => {
  it("count only open hours: Friday 17:00 to Monday 10:00 in São Paulo is one hour each side", () => {
    expect(businessSecondsBetween(at("2026-11-27T17:00:00-03:00"), at("2026-11-30T10:00:00-03:00"), calendar())).toBe(
      7200,
    );
  });

  it("skip Brazilian national holidays when observed, and the organization's own closed days", () => {
    // 2026-12-25 (Christmas) is a Friday: Thursday 17:00 → Monday 10:00 leaves Thursday's hour and Monday's.
    const span = [at("2026-12-24T17:00:00-03:00"), at("2026-12-28T10:00:00-03:00")] as const;
    expect(businessSecondsBetween(...span, calendar())).toBe(7200);
    expect(businessSecondsBetween(...span, calendar({ observeNationalHolidays: false }))).toBe(7200 + 9 * 3600);
    expect(businessSecondsBetween(...span, calendar({ closedDays: ["2026-12-28"] }))).toBe(3600);
    // Good Friday 2027 (Easter is 28 March) is closed; the Thursday before is open.
    expect(businessSecondsBetween(at("2027-03-25T12:00:00-03:00"), at("2027-03-26T12:00:00-03:00"), calendar())).toBe(
      6 * 3600,
    );
  });

  it("read hours in the organization's zone across DST: New York's short and long Sundays", () => {
    const sundays: Partial<BusinessCalendar> = {
      timezone: "America/New_York",
      week: { 7: [[0, 1440]] },
      observeNationalHolidays: false,
    };
    const cal = calendar(sundays);
    // 2026-03-08 has 23 hours, 2026-11-01 has 25: a whole open day counts the hours that passed.
    expect(businessSecondsBetween(at("2026-03-07T00:00:00Z"), at("2026-03-10T00:00:00Z"), cal)).toBe(23 * 3600);
    expect(businessSecondsBetween(at("2026-10-31T00:00:00Z"), at("2026-11-03T00:00:00Z"), cal)).toBe(25 * 3600);
    // An 01:00–03:00 opening on the spring-forward night lasts one real hour; on the fall-back night, three.
    const night = calendar({ ...sundays, week: { 7: [[60, 180]] } });
    expect(businessSecondsBetween(at("2026-03-07T00:00:00Z"), at("2026-03-10T00:00:00Z"), night)).toBe(3600);
    expect(businessSecondsBetween(at("2026-10-31T00:00:00Z"), at("2026-11-03T00:00:00Z"), night)).toBe(3 * 3600);
  });

  const instant = fc.date({
    min: new Date("2017-01-01T00:00:00Z"),
    max: new Date("2028-12-31T00:00:00Z"),
    noInvalidDate: true,
  });
  const span = fc
    .tuple(instant, fc.integer({ min: 0, max: 20 * 86_400 }))
    .map(([start, seconds]) => [start, new Date(start.getTime() + seconds * 1000)] as const);
  const zone = fc.constantFrom(...zones);

  it("equal the wall seconds when always open, in any zone, DST or not", () => {
    fc.assert(
      fc.property(span, zone, ([start, end], timezone) => {
        const open = calendar({ timezone, week: allDay, observeNationalHolidays: false });
        expect(businessSecondsBetween(start, end, open)).toBeCloseTo((end.getTime() - start.getTime()) / 1000, 3);
      }),
    );
  });

  it("never exceed the wall seconds and add up over a split point", () => {
    fc.assert(
      fc.property(
        span,
        fc.double({ min: 0, max: 1, noNaN: true }),
        zone,
        fc.boolean(),
        ([start, end], cut, timezone, holidays) => {
          const cal = calendar({ timezone, observeNationalHolidays: holidays });
          const middle = new Date(start.getTime() + Math.floor((end.getTime() - start.getTime()) * cut));
          const whole = businessSecondsBetween(start, end, cal);
          expect(whole).toBeLessThanOrEqual((end.getTime() - start.getTime()) / 1000 + 1e-6);
          expect(whole).toBeGreaterThanOrEqual(0);
          expect(businessSecondsBetween(start, middle, cal) + businessSecondsBetween(middle, end, cal)).toBeCloseTo(
            whole,
            3,
          );
        },
      ),
    );
  });

  it("count nothing on a closed day and nothing backwards", () => {
    fc.assert(
      fc.property(instant, zone, (start, timezone) => {
        const cal = calendar({ timezone, week: { 3: [[0, 1440]] } });
        expect(businessSecondsBetween(start, new Date(start.getTime() - 1000), cal)).toBe(0);
      }),
    );
    expect(businessSecondsBetween(at("2026-11-28T00:00:00-03:00"), at("2026-11-30T00:00:00-03:00"), calendar())).toBe(
      0,
    );
  });
});
