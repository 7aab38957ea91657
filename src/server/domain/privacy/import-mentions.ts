import type { Tx } from "../../db/tenant";
import { readMediaBytes } from "../../media";
import { canonicalPhone } from "../contacts/phone-identity";
import { readSpreadsheet, type SheetRow } from "../contacts/import/read-spreadsheet";
import type { PersonIdentity } from "./person-traces";

export interface ImportMention {
  importId: string;
  fileName: string;
  /** Stored files of the import (upload and rejected-rows report) that name the person. */
  keys: string[];
  rows: SheetRow[];
}

/**
 * The organization's contact imports whose stored files (the upload or its rejected-rows report)
 * have a row with the person's phone (in any spelling the importer accepts) or exact name.
 */
export async function importMentions(tx: Tx, organizationId: string, person: PersonIdentity): Promise<ImportMention[]> {
  const imports = await tx.contactImport.findMany({
    where: { organizationId },
    select: { id: true, fileName: true, fileKey: true, reportKey: true },
    orderBy: { createdAt: "asc" },
  });
  const names = [person.name, person.pushName].filter(Boolean).map((name) => name!.trim().toLocaleLowerCase("pt-BR"));
  const mentions = (row: SheetRow) =>
    row.cells.some(
      (cell) =>
        (person.phoneE164 !== null &&
          /\d{8}/.test(cell.replace(/\D/g, "")) &&
          canonicalPhone(cell)?.e164 === person.phoneE164) ||
        names.includes(cell.trim().toLocaleLowerCase("pt-BR")),
    );
  const found: ImportMention[] = [];
  for (const record of imports) {
    const keys: string[] = [];
    const rows: SheetRow[] = [];
    for (const key of [record.fileKey, record.reportKey]) {
      if (!key) continue;
      const matching = (await readRows(key)).filter(mentions);
      if (matching.length === 0) continue;
      keys.push(key);
      if (key === record.fileKey) rows.push(...matching);
    }
    if (keys.length) found.push({ importId: record.id, fileName: record.fileName, keys, rows });
  }
  return found;
}

async function readRows(key: string): Promise<SheetRow[]> {
  const bytes = await readMediaBytes(key);
  if (!bytes) return [];
  try {
    return (await readSpreadsheet(bytes)).rows;
  } catch {
    // A file that no longer reads as a spreadsheet cannot be searched row by row: not a mention.
    return [];
  }
}
