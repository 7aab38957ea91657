import { withOrganization } from "../../db/tenant";
import type { Actor } from "../members/actor";

/** The organization's label codes, for the inbox's correction menu. */
export async function listAiLabels(actor: Actor): Promise<string[]> {
  return withOrganization(actor.organizationId, async (tx) => {
    const organization = await tx.organization.findUniqueOrThrow({
      where: { id: actor.organizationId },
      select: { aiLabels: true },
    });
    return organization.aiLabels;
  });
}
