import type { Tx } from "../../../db/tenant";
import { AppError } from "../../../errors";

export async function loadImport(tx: Tx, organizationId: string, importId: string) {
  const record = await tx.contactImport.findFirst({ where: { id: importId, organizationId } });
  if (!record) throw new AppError("NOT_FOUND", "importNotFound");
  return record;
}

export type ContactImportRecord = Awaited<ReturnType<typeof loadImport>>;
