import { withOrganization } from "../../db/tenant";
import type { LegalDocumentKindValue } from "../../../shared/schemas/legal";
import type { Actor } from "../members/actor";
import { requireRole } from "../members/require-role";
import { legalDocumentSelect, toLegalDocumentDto, type LegalDocumentDto } from "./legal-document-dto";

/** Every version of a document, newest first (the draft, if any, on top). */
export async function listLegalDocuments(
  actor: Actor,
  input: { kind: LegalDocumentKindValue },
): Promise<LegalDocumentDto[]> {
  requireRole(actor, "admin");
  const rows = await withOrganization(actor.organizationId, (tx) =>
    tx.legalDocument.findMany({
      where: { organizationId: actor.organizationId, kind: input.kind },
      orderBy: { version: "desc" },
      select: legalDocumentSelect,
    }),
  );
  return rows.map(toLegalDocumentDto);
}
