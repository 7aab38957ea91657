import { describe, expect, it } from "vitest";
import { parseCustomFieldValue } from "./custom-field-value";

describe("parseCustomFieldValue", () => {
  it("numbers in pt-BR and plain forms", () => {
    const value = (raw: string) => {
      const parsed = parseCustomFieldValue("number", raw);
      return parsed.ok ? parsed.value : parsed.issue;
    };
    expect(value("1.234,56")).toBe(1234.56);
    expect(value("R$ 10,50")).toBe(10.5);
    expect(value("1234.56")).toBe(1234.56);
    expect(value("1,234.56")).toBe(1234.56);
    expect(value("1.234")).toBe(1234);
    expect(value("1.5")).toBe(1.5);
    expect(value("-3")).toBe(-3);
    expect(value("")).toBeNull();
    expect(value("dez")).toEqual({ reason: "customFieldNotANumber", params: { value: "dez" } });
    expect(value("1,2,3,4.5.6")).toMatchObject({ reason: "customFieldNotANumber" });
  });

  it("dates as DD/MM/AAAA, DD/MM/AA or ISO, checked against the calendar", () => {
    const value = (raw: string) => {
      const parsed = parseCustomFieldValue("date", raw);
      return parsed.ok ? parsed.value : parsed.issue;
    };
    expect(value("05/03/1990")).toBe("1990-03-05");
    expect(value("5/3/90")).toBe("1990-03-05");
    expect(value("29/02/2024")).toBe("2024-02-29");
    expect(value("2026-01-31")).toBe("2026-01-31");
    expect(value("2026-01-31T00:00:00.000Z")).toBe("2026-01-31");
    expect(value("29/02/2023")).toMatchObject({ reason: "customFieldInvalidDate" });
    expect(value("13/13/2020")).toMatchObject({ reason: "customFieldInvalidDate" });
    expect(value("ontem")).toMatchObject({ reason: "customFieldInvalidDate" });
  });

  it("text up to 500 characters", () => {
    expect(parseCustomFieldValue("text", "  Recife ")).toEqual({ ok: true, value: "Recife" });
    expect(parseCustomFieldValue("text", "x".repeat(501)).ok).toBe(false);
  });
});
