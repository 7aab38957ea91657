import { csvCell, csvLine, UTF8_BOM } from "../../../../shared/csv-format";
import type { OrganizationWords } from "../../../i18n/organization-words";
import type { RowIssue, RowRejection } from "./validate-rows";

/** A row's reasons in the organization's language: `errors.<reason>`, prefixed by the custom field it is in. */
export function wordRowIssues(words: OrganizationWords, issues: RowIssue[]): string {
  return issues
    .map(({ reason, params }) => {
      const text = words.word(`errors.${reason}`, params);
      return typeof params.field === "string"
        ? words.word("exports.rejectedRows.fieldIssue", { field: params.field, issue: text })
        : text;
    })
    .join(" ");
}

/**
 * The rejected rows of an import as a CSV for Excel-BR: line number, reason, then the row as it was,
 * so a person can fix the cells and import just this file again. Cells go back exactly as they came
 * (they are the importer's own data), so the fixed file imports like the original. Headers and reasons
 * are worded in the organization's language.
 */
export function rejectedRowsCsv(columns: string[], rejected: RowRejection[], words: OrganizationWords): string {
  const keep = { trusted: true };
  const header = [words.word("exports.rejectedRows.columns.row"), words.word("exports.rejectedRows.columns.reason")];
  const lines = [csvLine([...header, ...columns].map((cell) => csvCell(cell, keep)))];
  for (const row of rejected)
    lines.push(
      csvLine([
        csvCell(row.rowNumber),
        csvCell(wordRowIssues(words, row.issues)),
        ...row.cells.map((cell) => csvCell(cell, keep)),
      ]),
    );
  return UTF8_BOM + lines.join("");
}
