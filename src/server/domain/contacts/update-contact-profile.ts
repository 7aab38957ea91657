import type { Tx } from "../../db/tenant";
import type { PersonRef } from "../../whatsapp/provider";
import { identityOf } from "./resolve-contact";

/**
 * `contact.updated`: refreshes the WhatsApp name and picture of a known contact.
 * Contact syncs list the whole address book, so they never create contacts: a person becomes a
 * contact when they write or are written to.
 */
export async function updateContactProfile(
  tx: Tx,
  organizationId: string,
  person: PersonRef,
  profilePictureUrl: string | null,
): Promise<void> {
  const identity = identityOf(person);
  const where = identity.phoneE164
    ? { organizationId, phoneE164: identity.phoneE164 }
    : identity.lid
      ? { organizationId, lid: identity.lid }
      : null;
  if (!where) return;
  const data = {
    ...(person.name ? { pushName: person.name } : {}),
    ...(profilePictureUrl ? { profilePictureUrl } : {}),
  };
  if (Object.keys(data).length) await tx.contact.updateMany({ where, data });
}
