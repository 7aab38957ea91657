import { describe, expect, it } from "vitest";
import { clockTime, dayKey, dayLabel, listTime } from "./time";

const labels = { today: "Hoje", yesterday: "Ontem" };
const listLabels = { now: "agora", yesterday: "Ontem", minutes: (n: number) => `${n} min` };
const now = new Date("2025-11-26T15:00:00Z"); // quarta-feira, 12:00 em São Paulo

describe("inbox times in the organization's time zone", () => {
  it("groups by the organization's calendar day, not UTC's", () => {
    // 01:30 UTC on the 25th is still the 24th in São Paulo (UTC−3).
    expect(dayKey("2025-11-25T01:30:00Z", "America/Sao_Paulo")).toBe("2025-11-24");
    expect(dayKey("2025-11-25T01:30:00Z", "Europe/Lisbon")).toBe("2025-11-25");
  });

  it("labels day separators Hoje, Ontem, then the weekday and date", () => {
    const tz = "America/Sao_Paulo";
    expect(dayLabel("2025-11-26T10:00:00Z", tz, "pt-BR", now, labels)).toBe("Hoje");
    expect(dayLabel("2025-11-26T02:00:00Z", tz, "pt-BR", now, labels)).toBe("Ontem");
    expect(dayLabel("2025-11-24T15:00:00Z", tz, "pt-BR", now, labels)).toBe("segunda-feira, 24 de novembro");
    expect(dayLabel("2024-11-24T15:00:00Z", tz, "pt-BR", now, labels)).toBe("domingo, 24 de novembro de 2024");
  });

  it("shows clock times in the zone", () => {
    expect(clockTime("2025-11-26T15:05:00Z", "America/Sao_Paulo", "pt-BR")).toBe("12:05");
    expect(clockTime("2025-11-26T15:05:00Z", "America/Manaus", "pt-BR")).toBe("11:05");
  });

  it("keeps list times compact", () => {
    const tz = "America/Sao_Paulo";
    expect(listTime("2025-11-26T14:59:30Z", tz, "pt-BR", now, listLabels)).toBe("agora");
    expect(listTime("2025-11-26T14:45:00Z", tz, "pt-BR", now, listLabels)).toBe("15 min");
    expect(listTime("2025-11-26T11:15:00Z", tz, "pt-BR", now, listLabels)).toBe("08:15");
    expect(listTime("2025-11-25T20:00:00Z", tz, "pt-BR", now, listLabels)).toBe("Ontem");
    expect(listTime("2025-11-01T20:00:00Z", tz, "pt-BR", now, listLabels)).toBe("01/11/2025");
  });
});
