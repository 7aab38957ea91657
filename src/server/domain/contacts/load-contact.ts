import type { Tx } from "../../db/tenant";
import { AppError } from "../../errors";

/** The contact's id, or NOT_FOUND (also for another organization's contact). */
export async function loadContact(tx: Tx, organizationId: string, contactId: string) {
  const contact = await tx.contact.findFirst({
    where: { id: contactId, organizationId },
    select: {
      id: true,
      name: true,
      phoneE164: true,
      consentStatus: true,
      consentLegalBasis: true,
      blockedAt: true,
      blockedReason: true,
      customFields: true,
    },
  });
  if (!contact) throw new AppError("NOT_FOUND", "contactNotFound");
  return contact;
}
