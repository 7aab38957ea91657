import ExcelJS from "exceljs";
import type { ReportFormat, ReportTable } from "../../../shared/schemas/reports";
import { csvCell, csvLine, UTF8_BOM } from "../../../shared/csv-format";
import { reportCell, reportColumns, reportColumnTitle } from "../../../shared/report-columns";
import type { OrganizationWords } from "../../i18n/organization-words";

export interface ReportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

/**
 * The worded grid of a report: a title row of column names, then one row per table row, with the
 * screen's columns (reportColumns: with a comparison, the compared value and the change after each metric).
 */
function reportGrid(
  table: ReportTable,
  words: OrganizationWords,
): { header: string[]; rows: (string | number | null)[][] } {
  const columns = reportColumns(table);
  return {
    header: [
      words.word(`reports.dimensions.${table.dimension}`),
      ...columns.map((column) => {
        const title = reportColumnTitle(column, table.comparison);
        return words.word(
          `reports.${title.key}`,
          title.metricKey ? { metric: words.word(`reports.${title.metricKey}`) } : undefined,
        );
      }),
    ],
    rows: table.rows.map((row) => [
      row.label ?? words.word("reports.total"),
      ...columns.map((column) => reportCell(row, column)),
    ]),
  };
}

/** The product's CSV (`;`, decimal comma, BOM, formula-safe names): see csv-format.ts. */
export function reportCsv(table: ReportTable, words: OrganizationWords): string {
  const grid = reportGrid(table, words);
  const lines = [grid.header, ...grid.rows].map((cells) => csvLine(cells.map((value) => csvCell(value))));
  return `${UTF8_BOM}${lines.join("")}`;
}

/** The same grid as an Excel workbook: numbers stay numbers, text stays text (exceljs never makes formulas of strings). */
export async function reportXlsx(table: ReportTable, words: OrganizationWords, sheetName: string): Promise<Buffer> {
  const grid = reportGrid(table, words);
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(0);
  // Sheet names: at most 31 characters, none of : \ / ? * [ ].
  const sheet = workbook.addWorksheet(sheetName.replace(/[:\\/?*[\]]/g, " ").slice(0, 31) || "Report");
  sheet.addRow(grid.header).font = { bold: true };
  for (const row of grid.rows) sheet.addRow(row.map((value) => value ?? null));
  sheet.columns.forEach((column, index) => (column.width = index === 0 ? 28 : 18));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const slug = (name: string) =>
  name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40) || "report";

/** A report as a file to download or attach. */
export async function reportFile(
  report: { name: string },
  table: ReportTable,
  format: ReportFormat,
  words: OrganizationWords,
): Promise<ReportFile> {
  const base = `${slug(report.name)}-${table.from}-${table.to}`;
  if (format === "csv")
    return {
      fileName: `${base}.csv`,
      contentType: "text/csv; charset=utf-8",
      body: Buffer.from(reportCsv(table, words)),
    };
  return {
    fileName: `${base}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: await reportXlsx(table, words, report.name),
  };
}
