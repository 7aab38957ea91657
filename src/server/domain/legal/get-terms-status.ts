import { withOrganization } from "../../db/tenant";
import type { z } from "../../../shared/zod";
import type { Actor } from "../members/actor";
import { currentLegalDocument } from "./current-legal-document";
import type { termsStatusOutput } from "./legal-outputs";

/** The terms a member must accept before using the app, and whether they already did. */
export async function getTermsStatus(actor: Actor): Promise<z.infer<typeof termsStatusOutput>> {
  return withOrganization(actor.organizationId, async (tx) => {
    const current = await currentLegalDocument(tx, actor.organizationId, "terms");
    if (!current) return { current: null, accepted: true };
    const accepted = await tx.termsAcceptance.count({ where: { documentId: current.id, userId: actor.userId } });
    return {
      current: { documentId: current.id, version: current.version, body: current.body },
      accepted: accepted > 0,
    };
  });
}
