import Papa from "papaparse";

export type CsvDelimiter = "," | ";" | "\t";

const candidates: CsvDelimiter[] = [";", ",", "\t"];
const SAMPLE_ROWS = 50;

/**
 * The delimiter that splits the first rows into the same number (2+) of columns most consistently:
 * `;` (Excel in pt-BR, where the comma is the decimal separator), `,` or tab. Quoted cells are
 * respected, so "Silva, João";… does not fool it. A one-column file reads as `,`.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  let best: { delimiter: CsvDelimiter; score: number; columns: number } | null = null;
  for (const delimiter of candidates) {
    const rows = Papa.parse<string[]>(text, { delimiter, preview: SAMPLE_ROWS, skipEmptyLines: "greedy" }).data;
    if (rows.length === 0) continue;
    const counts = new Map<number, number>();
    for (const row of rows) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
    const [columns, rowsWithMode] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
    if (columns < 2) continue;
    // Consistency first; the header must agree too (it is the row people map by).
    const score = rowsWithMode / rows.length + (rows[0]!.length === columns ? 0.5 : 0);
    if (!best || score > best.score || (score === best.score && columns > best.columns))
      best = { delimiter, score, columns };
  }
  return best?.delimiter ?? ",";
}
