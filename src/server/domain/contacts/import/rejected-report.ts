import { csvCell, csvLine, UTF8_BOM } from "../../../../shared/csv-format";
import type { RowRejection } from "./validate-rows";

/**
 * The rejected rows of an import as a CSV for Excel-BR: line number, reason, then the row as it was,
 * so a person can fix the cells and import just this file again. Cells go back exactly as they came
 * (they are the importer's own data), so the fixed file imports like the original.
 */
export function rejectedRowsCsv(columns: string[], rejected: RowRejection[]): string {
  const keep = { trusted: true };
  const lines = [csvLine(["Linha", "Motivo", ...columns].map((cell) => csvCell(cell, keep)))];
  for (const row of rejected)
    lines.push(csvLine([csvCell(row.rowNumber), csvCell(row.reason), ...row.cells.map((cell) => csvCell(cell, keep))]));
  return UTF8_BOM + lines.join("");
}
