import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";

/** "Sem IA": a contact whose messages the AI must not read (their request, or the team's choice). */
export async function setContactAiOptOut(actor: Actor, input: { contactId: string; aiOptOut: boolean }): Promise<void> {
  await withOrganization(actor.organizationId, async (tx) => {
    const updated = await tx.contact.updateMany({
      where: { id: input.contactId, organizationId: actor.organizationId },
      data: { aiOptOut: input.aiOptOut },
    });
    if (!updated.count) throw new AppError("NOT_FOUND", "contactNotFound");
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: input.aiOptOut ? "contact.ai_opted_out" : "contact.ai_opted_in",
      targetType: "contact",
      targetId: input.contactId,
    });
  });
}
