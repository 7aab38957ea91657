import { withOrganization } from "../../../db/tenant";
import { AppError } from "../../../errors";
import { readMediaBytes } from "../../../media";
import type { ImportMapping } from "../../../../shared/schemas/contacts";
import type { ErrorReason } from "../../../../shared/error-reasons";
import { suppressedPhones } from "../../privacy/suppression-hash";
import { checkMapping } from "./check-mapping";
import { readSpreadsheet, type SpreadsheetTable } from "./read-spreadsheet";
import { validateImportRows, type RowsValidation } from "./validate-rows";

/** The rejection code of a row whose person was erased at their request (kept only as a suppression hash). */
export const SUPPRESSED_ROW_REASON = "importPersonErased" satisfies ErrorReason;

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
  const validation = validateImportRows(table.rows, mapping, fields);
  const suppressed = await withOrganization(organizationId, (tx) =>
    suppressedPhones(
      tx,
      organizationId,
      validation.valid.map((row) => row.phoneE164),
    ),
  );
  return { table, validation: withoutSuppressed(validation, suppressed) };
}

/**
 * Rows of erased people are rejected with a code, and their cells are not kept: the rejected-rows
 * report must not write the person's data back into the store.
 */
function withoutSuppressed(validation: RowsValidation, suppressed: Set<string>): RowsValidation {
  if (suppressed.size === 0) return validation;
  const rejected = [...validation.rejected];
  for (const row of validation.valid)
    if (suppressed.has(row.phoneE164))
      rejected.push({
        rowNumber: row.rowNumber,
        phone: "",
        issues: [{ reason: SUPPRESSED_ROW_REASON, params: {} }],
        cells: [],
      });
  rejected.sort((a, b) => a.rowNumber - b.rowNumber);
  return { ...validation, valid: validation.valid.filter((row) => !suppressed.has(row.phoneE164)), rejected };
}
