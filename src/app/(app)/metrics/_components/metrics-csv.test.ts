import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import type { AnalyticsDashboardOutput } from "~/shared/schemas/analytics";
import { metricsCsv } from "./metrics-csv";

const totals = (inbound: number): AnalyticsDashboardOutput["current"] => ({
  inbound,
  outbound: 1,
  firstResponses: 1,
  firstResponseP50: 750.4,
  firstResponseP90: null,
  resolved: 0,
  resolutionP50: null,
  resolutionP90: null,
  reopened: 0,
  assigned: 0,
});

describe("metrics CSV", () => {
  it("holds the numbers the dashboard shows, durations in seconds, names safe from formulas", () => {
    const data: AnalyticsDashboardOutput = {
      timezone: "America/Sao_Paulo",
      businessHours: false,
      periodDays: 7,
      from: "2026-11-26",
      to: "2026-12-02",
      days: [
        { day: "2026-12-01", inbound: 2, outbound: 0 },
        { day: "2026-12-02", inbound: 3, outbound: 1 },
      ],
      current: totals(5),
      previous: totals(2),
      previousPeriod: { from: "2026-11-19", to: "2026-11-25" },
      lastYear: totals(1),
      lastYearPeriod: { from: "2025-11-26", to: "2025-12-02" },
      instances: [{ instanceId: "i", name: "=Vendas", ...totals(5) }],
      members: [{ memberId: "m", name: "Ana", ...totals(0) }],
    };
    const keys = Object.keys(data.current) as (keyof typeof data.current)[];
    const csv = metricsCsv(data, {
      day: "Dia",
      inbound: "Recebidas",
      outbound: "Enviadas",
      metric: "Métrica",
      current: "Período",
      previous: "Anterior",
      number: "Número",
      member: "Membro",
      totals: Object.fromEntries(keys.map((k) => [k, k])) as Record<(typeof keys)[number], string>,
    });
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1), { delimiter: ";" }).data;
    expect(rows.slice(0, 3)).toEqual([
      ["Dia", "Recebidas", "Enviadas"],
      ["2026-12-01", "2", "0"],
      ["2026-12-02", "3", "1"],
    ]);
    expect(rows).toContainEqual(["inbound", "5", "2"]);
    expect(rows).toContainEqual(["firstResponseP50", "750", "750"]);
    expect(rows).toContainEqual(expect.arrayContaining(["'=Vendas"]));
    expect(rows.at(-2)?.[0]).toBe("Ana");
  });
});
