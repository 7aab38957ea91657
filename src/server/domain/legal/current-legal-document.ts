import type { Tx } from "../../db/tenant";
import type { LegalDocumentKindValue } from "../../../shared/schemas/legal";

/** The latest published version of a document, or null while none was published. */
export function currentLegalDocument(tx: Tx, organizationId: string, kind: LegalDocumentKindValue) {
  return tx.legalDocument.findFirst({
    where: { organizationId, kind, status: "published" },
    orderBy: { version: "desc" },
    select: { id: true, version: true, body: true, publishedAt: true },
  });
}
