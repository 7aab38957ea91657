import { describe, expect, it } from "vitest";
import { fromZonedInput, toZonedDate, toZonedInput } from "./zoned-time";

describe("zoned campaign times", () => {
  it("reads a wall-clock time in the organization's zone, whatever the browser's", () => {
    expect(fromZonedInput("2025-11-24T09:00", "America/Sao_Paulo")).toBe("2025-11-24T12:00:00.000Z");
    expect(fromZonedInput("2025-11-24T09:00", "America/Manaus")).toBe("2025-11-24T13:00:00.000Z");
    expect(fromZonedInput("2025-11-24", "America/Sao_Paulo")).toBe("2025-11-24T03:00:00.000Z");
    expect(fromZonedInput("", "America/Sao_Paulo")).toBeNull();
  });

  it("shows an instant back as the same wall-clock value", () => {
    expect(toZonedInput("2025-11-24T12:00:00.000Z", "America/Sao_Paulo")).toBe("2025-11-24T09:00");
    expect(toZonedDate("2025-11-24T02:00:00.000Z", "America/Sao_Paulo")).toBe("2025-11-23");
  });

  it("round-trips across a daylight-saving change", () => {
    for (const value of ["2025-03-09T01:30", "2025-03-09T03:30", "2025-11-02T01:30"]) {
      const iso = fromZonedInput(value, "America/New_York")!;
      expect(toZonedInput(iso, "America/New_York")).toBe(value);
    }
  });
});
