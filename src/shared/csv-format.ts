/** Excel in Brazil opens a `;`-separated UTF-8 file with accents intact only when it starts with a BOM. */
export const UTF8_BOM = "\uFEFF";
export const CSV_DELIMITER = ";";

// A cell starting like a formula would run as one when the file is opened in a spreadsheet.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: quoted when it holds the delimiter, quotes or line breaks. Text that would start a
 * formula is prefixed with an apostrophe (CSV injection); pass `trusted` for values the system made
 * (E.164 phones, dates, numbers).
 */
export function csvCell(value: string | number | null | undefined, options: { trusted?: boolean } = {}): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "number" ? String(value).replace(".", ",") : value;
  if (!options.trusted && typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[;"\r\n,]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (CRLF, as Excel writes them) from already formatted cells. */
export function csvLine(cells: string[]): string {
  return `${cells.join(CSV_DELIMITER)}\r\n`;
}
