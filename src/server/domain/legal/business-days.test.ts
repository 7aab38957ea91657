import { describe, expect, it } from "vitest";
import { localDate } from "../../../shared/zoned-clock";
import { addBusinessDays, endOfLocalDay, incidentNoticeDue, isBusinessDay } from "./business-days";

describe("Brazilian business days", () => {
  it("skips weekends and national holidays, counting from the next day", () => {
    expect(isBusinessDay("2026-12-25")).toBe(false); // Christmas, a Friday
    expect(isBusinessDay("2026-12-26")).toBe(false); // Saturday
    expect(isBusinessDay("2026-12-28")).toBe(true);
    // Wednesday 23 Dec → Thu 24, (Fri 25 holiday, weekend), Mon 28, Tue 29.
    expect(addBusinessDays("2026-12-23", 3)).toBe("2026-12-29");
    // Thursday 2 Apr 2026 → Good Friday 3 Apr is skipped, Mon 6, Tue 7, Wed 8.
    expect(addBusinessDays("2026-04-02", 3)).toBe("2026-04-08");
    // Black Consciousness Day (20 Nov, from 2024) is a holiday: Wed 18 Nov 2026 → Thu 19, Mon 23, Tue 24.
    expect(addBusinessDays("2026-11-18", 3)).toBe("2026-11-24");
  });

  it("ends the due day at local midnight in the organization's zone", () => {
    expect(endOfLocalDay("2026-12-29", "America/Sao_Paulo").toISOString()).toBe("2026-12-30T02:59:59.999Z");
    expect(localDate(new Date("2026-12-24T01:00:00Z"), "America/Sao_Paulo")).toBe("2026-12-23");
    // Detected late on the 23rd in São Paulo (already the 24th in UTC): the count starts from the 23rd.
    expect(incidentNoticeDue(new Date("2026-12-24T01:00:00Z"), "America/Sao_Paulo", 3).toISOString()).toBe(
      "2026-12-30T02:59:59.999Z",
    );
  });
});
