import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { requireRole } from "../members/require-role";
import { legalDocumentSelect, toLegalDocumentDto, type LegalDocumentDto } from "./legal-document-dto";
import { fillLegalTemplate } from "./legal-template";
import { legalTemplateValues } from "./legal-values";

/**
 * Publishes a draft: its placeholders are filled and the text frozen (a trigger refuses later changes).
 * The encarregado must be set first: ANPD Res. 18/2024 requires their identity and contact published.
 * Publishing new terms asks every member to accept them at their next request.
 */
export async function publishLegalDocument(actor: Actor, input: { documentId: string }): Promise<LegalDocumentDto> {
  requireRole(actor, "admin");
  const { organizationId } = actor;
  return withOrganization(organizationId, async (tx) => {
    const draft = await tx.legalDocument.findFirst({ where: { id: input.documentId, organizationId } });
    if (!draft) throw new AppError("NOT_FOUND", "legalDocumentNotFound");
    if (draft.status !== "draft") throw new AppError("CONFLICT", "legalDocumentPublished");
    const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId } });
    if (!organization.dpoName || !organization.dpoEmail) throw new AppError("VALIDATION", "encarregadoRequired");
    const body = fillLegalTemplate(draft.body, await legalTemplateValues(tx, organizationId, draft.version));
    const row = await tx.legalDocument.update({
      where: { id: draft.id },
      data: { body, status: "published", publishedAt: new Date(), publishedById: actor.userId },
      select: legalDocumentSelect,
    });
    await recordAudit(tx, {
      organizationId,
      actorUserId: actor.userId,
      action: "legal.document_published",
      targetType: "legal_document",
      targetId: row.id,
      metadata: { kind: row.kind, version: row.version },
    });
    return toLegalDocumentDto(row);
  });
}
