import ExcelJS from "exceljs";
import Papa from "papaparse";
import { AppError } from "../../../errors";
import { canonicalPhone } from "../phone-identity";
import { detectDelimiter, type CsvDelimiter } from "./csv-delimiter";
import { importLimits } from "./import-limits";
import { sniffSpreadsheet, type SpreadsheetFormat } from "./sniff-file";
import { decodeText, type TextEncodingName } from "./text-encoding";

export interface SheetRow {
  /** The row number a person sees in the spreadsheet (the header is usually row 1). */
  rowNumber: number;
  /** One trimmed string per column. */
  cells: string[];
}

export interface SpreadsheetTable {
  format: SpreadsheetFormat;
  encoding: TextEncodingName | null;
  delimiter: CsvDelimiter | null;
  /** False when the first row already holds a phone number (a bare list of numbers). */
  hasHeader: boolean;
  columns: string[];
  rows: SheetRow[];
}

const EMPTY_FILE = "fileEmpty";

/**
 * Reads an uploaded CSV (encoding and delimiter detected) or XLSX (first sheet) into a header and
 * rows, or refuses it with a message for people: empty, not a spreadsheet, only a header, or over the
 * size, row or column limits.
 */
export async function readSpreadsheet(bytes: Uint8Array): Promise<SpreadsheetTable> {
  if (bytes.length === 0) throw new AppError("BAD_REQUEST", EMPTY_FILE);
  if (bytes.length > importLimits.maxBytes)
    throw new AppError("PAYLOAD_TOO_LARGE", "importFileTooLargeSize", {
      params: { size: megabytes(bytes.length), limit: megabytes(importLimits.maxBytes) },
    });
  const sniffed = sniffSpreadsheet(bytes);
  if (!sniffed.ok) throw new AppError("BAD_REQUEST", sniffed.reason);
  if (sniffed.format === "xlsx")
    return tableOf(await readXlsxRows(bytes), { format: "xlsx", encoding: null, delimiter: null });
  const { text, encoding } = decodeText(bytes);
  const delimiter = detectDelimiter(text);
  return tableOf(readCsvRows(text, delimiter), { format: "csv", encoding, delimiter });
}

function readCsvRows(text: string, delimiter: CsvDelimiter): SheetRow[] {
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const quoteError = parsed.errors.find((error) => error.type === "Quotes");
  if (quoteError) throw new AppError("BAD_REQUEST", "csvUnclosedQuote", { params: { row: (quoteError.row ?? 0) + 1 } });
  const rows: SheetRow[] = [];
  parsed.data.forEach((cells, index) => {
    const trimmed = cells.map((cell) => cell.trim());
    if (trimmed.some((cell) => cell)) rows.push({ rowNumber: index + 1, cells: trimmed });
  });
  return rows;
}

async function readXlsxRows(bytes: Uint8Array): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (error) {
    throw new AppError("BAD_REQUEST", "xlsxUnreadable", { cause: error });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError("BAD_REQUEST", EMPTY_FILE);
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values : [];
    // row.values is 1-based (index 0 is always empty).
    const cells = Array.from({ length: Math.max(values.length - 1, 0) }, (_, i) => cellText(values[i + 1]).trim());
    if (cells.some((cell) => cell)) rows.push({ rowNumber, cells });
  });
  return rows;
}

/** A cell as the person sees it: formulas by their result, dates as AAAA-MM-DD, decimals with a comma. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(value).replace(".", ",");
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("formula" in value || "sharedFormula" in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ("hyperlink" in value) return cellText(value.text as ExcelJS.CellValue);
  return "";
}

function tableOf(
  rows: SheetRow[],
  meta: Pick<SpreadsheetTable, "format" | "encoding" | "delimiter">,
): SpreadsheetTable {
  const first = rows[0];
  if (!first) throw new AppError("BAD_REQUEST", EMPTY_FILE);
  // A bare list of numbers has no header: its first row is already a contact.
  const hasHeader = !first.cells.some((cell) => cell && /\d{6}/.test(cell.replace(/\D/g, "")) && canonicalPhone(cell));
  const data = hasHeader ? rows.slice(1) : rows;
  if (data.length === 0) throw new AppError("BAD_REQUEST", "spreadsheetHeaderOnly");
  if (data.length > importLimits.maxRows)
    throw new AppError("PAYLOAD_TOO_LARGE", "spreadsheetTooManyRows", {
      params: { rows: data.length, limit: importLimits.maxRows },
    });
  const width = Math.max(hasHeader ? first.cells.length : 0, ...data.map((row) => row.cells.length));
  if (width > importLimits.maxColumns)
    throw new AppError("BAD_REQUEST", "spreadsheetTooManyColumns", {
      params: { columns: width, limit: importLimits.maxColumns },
    });
  const columns = uniqueNames(
    Array.from({ length: width }, (_, i) => (hasHeader ? first.cells[i] : "") || `Coluna ${i + 1}`),
  );
  return {
    ...meta,
    hasHeader,
    columns,
    rows: data.map((row) => ({
      rowNumber: row.rowNumber,
      cells: row.cells.length === width ? row.cells : Array.from({ length: width }, (_, i) => row.cells[i] ?? ""),
    })),
  };
}

/** "Telefone", "Telefone" → "Telefone", "Telefone (2)": mapping selects need distinct names. */
function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

/** Megabytes to one decimal, for the UI to format in the person's locale. */
function megabytes(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}
