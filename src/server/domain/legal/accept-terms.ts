import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import type { z } from "../../../shared/zod";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { currentLegalDocument } from "./current-legal-document";
import type { termsAcceptanceOutput } from "./legal-outputs";

/**
 * Records that a member accepted the current terms (user, version, time, IP). Only the current version
 * can be accepted: a page left open on an older one is asked again. Accepting twice keeps the first row.
 */
export async function acceptTerms(
  actor: Actor,
  input: { documentId: string; ipAddress: string | null },
): Promise<z.infer<typeof termsAcceptanceOutput>> {
  const { organizationId } = actor;
  return withOrganization(organizationId, async (tx) => {
    const current = await currentLegalDocument(tx, organizationId, "terms");
    if (!current || current.id !== input.documentId) throw new AppError("CONFLICT", "termsVersionOutdated");
    const existing = await tx.termsAcceptance.findUnique({
      where: { documentId_userId: { documentId: current.id, userId: actor.userId } },
    });
    const row =
      existing ??
      (await tx.termsAcceptance.create({
        data: {
          organizationId,
          userId: actor.userId,
          documentId: current.id,
          version: current.version,
          ipAddress: input.ipAddress,
        },
      }));
    if (!existing)
      await recordAudit(tx, {
        organizationId,
        actorUserId: actor.userId,
        action: "legal.terms_accepted",
        targetType: "legal_document",
        targetId: current.id,
        metadata: { version: current.version, ip: input.ipAddress },
      });
    return { documentId: row.documentId, version: row.version, acceptedAt: row.acceptedAt.toISOString() };
  });
}
