import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import type { z } from "../../../shared/zod";
import type { createContactInput } from "../../../shared/schemas/contacts";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { parsePhone, phoneFailureReasons } from "./phone-identity";
import { resolveContact } from "./resolve-contact";

/**
 * Adds a contact by phone. A number already known (in any written form: canonical identity) opens
 * the existing contact instead of creating a second one; its name is only filled in when it had none.
 */
export async function createContact(
  actor: Actor,
  input: z.infer<typeof createContactInput>,
): Promise<{ contactId: string; created: boolean }> {
  const phone = parsePhone(input.phone);
  if (!phone.ok) {
    const reason = phoneFailureReasons[phone.reason];
    throw new AppError("VALIDATION", reason, { fieldErrors: { phone: [{ reason }] } });
  }
  return withOrganization(actor.organizationId, async (tx) => {
    const existing = await tx.contact.findFirst({
      where: { organizationId: actor.organizationId, phoneE164: phone.e164 },
      select: { id: true, name: true },
    });
    const resolved =
      existing ?? (await resolveContact(tx, actor.organizationId, { phoneE164: phone.e164, lid: null }, null));
    if (!resolved)
      throw new AppError("INTERNAL", "internal", {
        details: { problem: "resolveContact returned no contact for a valid phone" },
      });
    const contactId = resolved.id;
    if (input.name && !existing?.name)
      await tx.contact.update({ where: { id: contactId }, data: { name: input.name } });
    if (input.tagIds?.length) {
      const tags = await tx.tag.findMany({
        where: { organizationId: actor.organizationId, id: { in: input.tagIds } },
        select: { id: true },
      });
      await tx.contactTag.createMany({
        data: tags.map((tag) => ({ contactId, tagId: tag.id, organizationId: actor.organizationId })),
        skipDuplicates: true,
      });
    }
    if (!existing)
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        action: "contact.created",
        targetType: "contact",
        targetId: contactId,
      });
    return { contactId, created: !existing };
  });
}
