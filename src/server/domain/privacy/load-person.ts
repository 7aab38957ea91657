import type { Tx } from "../../db/tenant";
import { AppError } from "../../errors";

/** The contact a data-subject use case acts on, with every identity it is known by. */
export async function loadPerson(tx: Tx, organizationId: string, contactId: string) {
  const contact = await tx.contact.findFirst({ where: { id: contactId, organizationId } });
  if (!contact) throw new AppError("NOT_FOUND", "contactNotFound");
  return contact;
}
