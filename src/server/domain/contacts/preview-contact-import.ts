import type { ImportPreview } from "../../../shared/schemas/contacts";
import { withOrganization } from "../../db/tenant";
import { mediaStore } from "../../media";
import { mediaKey } from "../../media/media-key";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { requireRole } from "../members/require-role";
import { canonicalPhone } from "./phone-identity";
import { importMappingValue } from "./import/import-settings";
import { readSpreadsheet } from "./import/read-spreadsheet";
import { suggestMapping } from "./import/suggest-mapping";

const SAMPLE_ROWS = 10;
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * First step of an import: reads the uploaded CSV or XLSX (refusing what is not a usable spreadsheet,
 * with the reason), keeps the file in the media store and answers its columns, first rows and a
 * suggested mapping. Nothing is written to contacts. Admins only: an import can record consent.
 */
export async function previewContactImport(
  actor: Actor,
  input: { bytes: Buffer; fileName: string },
): Promise<ImportPreview> {
  requireRole(actor, "admin", "adminsOnlyImport");
  const table = await readSpreadsheet(input.bytes);
  const key = mediaKey(actor.organizationId, input.bytes);
  await mediaStore().put(key, input.bytes, { contentType: table.format === "xlsx" ? XLSX_TYPE : "text/csv" });
  const fileName = input.fileName.trim().slice(0, 255) || "planilha";

  return withOrganization(actor.organizationId, async (tx) => {
    const fields = await tx.contactField.findMany({
      where: { organizationId: actor.organizationId },
      select: { key: true, label: true },
    });
    const suggested = suggestMapping(table.hasHeader ? table.columns : [], fields);
    // A bare list of numbers: the phone is the column whose first cell is one.
    if (!table.hasHeader) {
      const first = table.rows[0]!.cells;
      const index = first.findIndex((cell) => canonicalPhone(cell));
      suggested.phone = index >= 0 ? index : null;
    }
    const record = await tx.contactImport.create({
      data: {
        organizationId: actor.organizationId,
        fileName,
        fileKey: key,
        mapping: importMappingValue({ suggested }),
        totalRows: table.rows.length,
        createdById: actor.userId,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "contacts.import_uploaded",
      targetType: "contact_import",
      targetId: record.id,
      metadata: { fileName, rows: table.rows.length, format: table.format },
    });
    return {
      importId: record.id,
      fileName,
      format: table.format,
      encoding: table.encoding,
      delimiter: table.delimiter,
      hasHeader: table.hasHeader,
      columns: table.columns,
      sampleRows: table.rows.slice(0, SAMPLE_ROWS).map((row) => row.cells),
      totalRows: table.rows.length,
      suggestedMapping: suggested,
    };
  });
}
