import { withOrganization } from "../../../db/tenant";
import { AppError } from "../../../errors";
import { readMediaBytes } from "../../../media";
import type { ImportMapping } from "../../../../shared/schemas/contacts";
import { checkMapping } from "./check-mapping";
import { readSpreadsheet, type SpreadsheetTable } from "./read-spreadsheet";
import { validateImportRows, type RowsValidation } from "./validate-rows";

export interface ImportPlan {
  table: SpreadsheetTable;
  validation: RowsValidation;
}

/** The stored upload, read again. */
export async function readImportFile(fileKey: string): Promise<SpreadsheetTable> {
  const bytes = await readMediaBytes(fileKey);
  if (!bytes) throw new AppError("NOT_FOUND", "importFileGone");
  return readSpreadsheet(bytes);
}

/**
 * Reads an import's file and checks every row against `mapping` and the organization's custom fields:
 * what the preview reports and exactly what the job writes.
 */
export async function planImport(organizationId: string, fileKey: string, mapping: ImportMapping): Promise<ImportPlan> {
  const fields = await withOrganization(organizationId, (tx) =>
    tx.contactField.findMany({ where: { organizationId }, select: { key: true, label: true, type: true } }),
  );
  const table = await readImportFile(fileKey);
  checkMapping(mapping, table.columns.length, new Set(fields.map((f) => f.key)));
  return { table, validation: validateImportRows(table.rows, mapping, fields) };
}
