import { withOrganization } from "../../db/tenant";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { requireRole } from "../members/require-role";
import { loadContact } from "./load-contact";

/**
 * Blocks a contact (campaigns never message it) or lifts the block, audited with the reason. Any
 * member may block; lifting a block lets campaigns reach the person again, so it takes an admin.
 */
export async function setContactBlocked(
  actor: Actor,
  input: { contactId: string; blocked: boolean; reason?: string },
): Promise<{ blocked: boolean }> {
  if (!input.blocked) requireRole(actor, "admin", "adminsOnlyUnblock");
  return withOrganization(actor.organizationId, async (tx) => {
    const contact = await loadContact(tx, actor.organizationId, input.contactId);
    const reason = input.reason?.trim() || null;
    if (input.blocked === (contact.blockedAt !== null) && (!input.blocked || reason === contact.blockedReason))
      return { blocked: input.blocked };
    await tx.contact.update({
      where: { id: contact.id },
      data: input.blocked
        ? { blockedAt: contact.blockedAt ?? new Date(), blockedReason: reason }
        : { blockedAt: null, blockedReason: null },
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: input.blocked ? "contact.blocked" : "contact.unblocked",
      targetType: "contact",
      targetId: contact.id,
      metadata: { reason, previousReason: contact.blockedReason },
    });
    return { blocked: input.blocked };
  });
}
