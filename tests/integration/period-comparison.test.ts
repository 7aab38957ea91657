import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { withOrganization } from "~/server/db/tenant";
import { comparisonPeriods } from "~/server/domain/analytics/comparison-periods";
import { addDays } from "~/server/domain/analytics/organization-calendar";
import { recordReportingEvents, type ReportingEventInput } from "~/server/domain/analytics/record-reporting-events";
import { refreshReportingRollup } from "~/server/domain/analytics/refresh-reporting-rollup";
import { reportingKinds } from "~/server/domain/analytics/reporting-kinds";
import { exportSavedReport } from "~/server/domain/reports/export-saved-report";
import { reportCell, reportColumns } from "~/shared/report-columns";
import type { ReportTable } from "~/shared/schemas/reports";
import { callerFor, makeOrganization } from "../support/factory";

const DAY = 86_400_000;

describe("comparison periods", () => {
  it("compares a month with the days just before it and the same dates a year earlier", () => {
    expect(comparisonPeriods({ from: "2026-12-01", to: "2026-12-31" })).toEqual({
      previous: { from: "2026-10-31", to: "2026-11-30" },
      lastYear: { from: "2025-12-01", to: "2025-12-31" },
    });
    expect(comparisonPeriods({ from: "2026-03-01", to: "2026-03-31" }).previous).toEqual({
      from: "2026-01-29",
      to: "2026-02-28",
    });
  });

  it("takes 29 February a year back to 28 February", () => {
    expect(comparisonPeriods({ from: "2028-02-01", to: "2028-02-29" })).toEqual({
      previous: { from: "2028-01-03", to: "2028-01-31" },
      lastYear: { from: "2027-02-01", to: "2027-02-28" },
    });
    expect(comparisonPeriods({ from: "2028-02-29", to: "2028-03-06" }).lastYear).toEqual({
      from: "2027-02-28",
      to: "2027-03-06",
    });
  });
});

/** An organization with inbound messages now, 10 days ago (previous 7 days), a year ago and 400 days ago. */
async function seeded() {
  const org = await makeOrganization();
  const { organizationId } = org;
  const instance = await withOrganization(organizationId, (tx) =>
    tx.instance.create({
      data: { organizationId, name: "Vendas", providerName: `cmp-${randomUUID()}`, webhookSecretHash: "0".repeat(64) },
    }),
  );
  const now = Date.now();
  const inbound = (daysAgo: number, count: number): ReportingEventInput[] =>
    Array.from({ length: count }, () => ({
      kind: reportingKinds.messageInbound,
      occurredAt: new Date(now - daysAgo * DAY - 3_600_000),
      instanceId: instance.id,
      direction: "inbound" as const,
    }));
  const events = {
    current: inbound(2, 6),
    previous: inbound(10, 3),
    lastYear: inbound(367, 4),
    outside: inbound(400, 9),
  };
  await withOrganization(organizationId, (tx) =>
    recordReportingEvents(tx, organizationId, [
      ...events.current,
      ...events.previous,
      ...events.lastYear,
      ...events.outside,
    ]),
  );
  await refreshReportingRollup({ organizationId });
  return { ...org, instance, events };
}

describe("dashboard comparisons", () => {
  it("answers the previous period and the same period last year, totals equal to the raw events", async () => {
    const org = await seeded();
    const dashboard = await callerFor(org.ownerId, org.organizationId).analytics.dashboard({ periodDays: 7 });
    expect(comparisonPeriods({ from: dashboard.from, to: dashboard.to })).toEqual({
      previous: dashboard.previousPeriod,
      lastYear: dashboard.lastYearPeriod,
    });
    expect(dashboard.previousPeriod.to).toBe(addDays(dashboard.from, -1));
    expect(dashboard.current.inbound).toBe(org.events.current.length);
    expect(dashboard.previous.inbound).toBe(org.events.previous.length);
    expect(dashboard.lastYear.inbound).toBe(org.events.lastYear.length);
  });
});

const csvGrid = (text: string) =>
  Papa.parse<string[]>(text.replace(/^\uFEFF/, "").trim(), { delimiter: ";" }).data.map((row) =>
    row.map((cell) => cell.replace(",", ".")),
  );

async function xlsxGrid(body: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const grid: string[][] = [];
  const sheet = workbook.worksheets[0]!;
  sheet.eachRow((row) => {
    const cells = Array.from({ length: sheet.columnCount }, (_, index) => row.getCell(index + 1).value);
    grid.push(cells.map((cell) => (cell === null || cell === undefined ? "" : String(cell))));
  });
  return grid;
}

/** The table's numbers laid out by the same columns as the screen. */
const numbersOf = (table: ReportTable) =>
  table.rows.map((row) => reportColumns(table).map((column) => String(reportCell(row, column) ?? "")));

describe("saved report with a comparison", () => {
  it("holds per row the value, the compared value and the change, and the exports hold the same", async () => {
    const org = await seeded();
    const owner = callerFor(org.ownerId, org.organizationId);
    const saved = await owner.reports.save({
      name: "Ano contra ano",
      metrics: ["inbound", "outbound"],
      dimension: "instance",
      periodDays: 7,
      filters: { instanceIds: [], memberIds: [] },
      comparison: "lastYear",
      schedule: { frequency: "none", time: "08:00", weekday: 1, monthDay: 1, recipients: [], format: "xlsx" },
    });
    expect(saved.comparison).toBe("lastYear");
    const { table } = await owner.reports.open({ id: saved.id });
    expect(table.comparison).toMatchObject({ kind: "lastYear" });
    // Vendas then the total: 6 now against 4 a year ago: +2, +50 %; no outbound either year.
    expect(table.rows.map((row) => [row.label, row.values, row.compared])).toEqual([
      [
        "Vendas",
        [6, 0],
        [
          { value: 4, delta: 2, deltaPercent: 50 },
          { value: 0, delta: 0, deltaPercent: null },
        ],
      ],
      [
        null,
        [6, 0],
        [
          { value: 4, delta: 2, deltaPercent: 50 },
          { value: 0, delta: 0, deltaPercent: null },
        ],
      ],
    ]);

    const actor = { userId: org.ownerId, organizationId: org.organizationId, role: "owner" as const };
    const header = [
      "Número",
      "Mensagens recebidas",
      "Mensagens recebidas — ano passado",
      "Mensagens recebidas — variação",
      "Mensagens recebidas — variação (%)",
      "Mensagens enviadas",
      "Mensagens enviadas — ano passado",
      "Mensagens enviadas — variação",
      "Mensagens enviadas — variação (%)",
    ];
    const screen = [header, ...numbersOf(table).map((cells, index) => [table.rows[index]!.label ?? "Total", ...cells])];
    const csv = await exportSavedReport(actor, { id: saved.id, format: "csv" });
    expect(csvGrid(csv.body.toString("utf8"))).toEqual(screen);
    const xlsx = await exportSavedReport(actor, { id: saved.id, format: "xlsx" });
    expect(await xlsxGrid(xlsx.body)).toEqual(screen);

    // Against the previous 7 days: 3 then.
    const previous = await owner.reports.save({ ...saved, id: saved.id, comparison: "previous" });
    const compared = (await owner.reports.open({ id: previous.id })).table;
    expect(compared.rows.at(-1)!.compared![0]).toEqual({ value: 3, delta: 3, deltaPercent: 100 });
  });
});
