import { withOrganization } from "../../db/tenant";
import type { LegalDocumentKindValue } from "../../../shared/schemas/legal";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { requireRole } from "../members/require-role";
import { legalDocumentSelect, toLegalDocumentDto, type LegalDocumentDto } from "./legal-document-dto";
import { readLegalTemplate } from "./legal-template";

/**
 * Creates or edits the one draft of a document: the next version after the latest. Without a body the
 * draft starts from the template (placeholders such as {{organizationName}} are filled at publication).
 */
export async function saveLegalDraft(
  actor: Actor,
  input: { kind: LegalDocumentKindValue; body?: string; templateLocale?: string },
): Promise<LegalDocumentDto> {
  requireRole(actor, "admin");
  const { organizationId } = actor;
  return withOrganization(organizationId, async (tx) => {
    const latest = await tx.legalDocument.findFirst({
      where: { organizationId, kind: input.kind },
      orderBy: { version: "desc" },
      select: { id: true, version: true, status: true },
    });
    const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId } });
    const body = input.body ?? readLegalTemplate(input.kind, input.templateLocale ?? organization.locale);
    const row =
      latest?.status === "draft"
        ? await tx.legalDocument.update({ where: { id: latest.id }, data: { body }, select: legalDocumentSelect })
        : await tx.legalDocument.create({
            data: {
              organizationId,
              kind: input.kind,
              version: (latest?.version ?? 0) + 1,
              body,
              createdById: actor.userId,
            },
            select: legalDocumentSelect,
          });
    await recordAudit(tx, {
      organizationId,
      actorUserId: actor.userId,
      action: "legal.draft_saved",
      targetType: "legal_document",
      targetId: row.id,
      metadata: { kind: row.kind, version: row.version, fromTemplate: input.body === undefined },
    });
    return toLegalDocumentDto(row);
  });
}
