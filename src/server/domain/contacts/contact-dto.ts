import type { Tx } from "../../db/tenant";
import type { contactListItemOutput, contactTagOutput } from "./contact-outputs";
import type { z } from "../../../shared/zod";

export type ContactTagDto = z.infer<typeof contactTagOutput>;

export type ContactListItem = z.infer<typeof contactListItemOutput>;

/** Its name, WhatsApp name or number; null when it has none (the UI words "contact without a number"). */
export function displayNameOf(contact: {
  name: string | null;
  pushName: string | null;
  phoneE164: string | null;
}): string | null {
  return contact.name || contact.pushName || contact.phoneE164 || null;
}

/** List rows for `ids`, in that order. */
export async function contactListItems(tx: Tx, ids: string[]): Promise<ContactListItem[]> {
  if (ids.length === 0) return [];
  const rows = await tx.contact.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      name: true,
      pushName: true,
      phoneE164: true,
      consentStatus: true,
      blockedAt: true,
      lastInteractionAt: true,
      createdAt: true,
      tags: { select: { tag: { select: { id: true, name: true, color: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        id: row.id,
        displayName: displayNameOf(row),
        name: row.name,
        pushName: row.pushName,
        phone: row.phoneE164,
        consentStatus: row.consentStatus,
        blocked: row.blockedAt !== null,
        tags: row.tags.map((t) => t.tag),
        lastInteractionAt: row.lastInteractionAt?.toISOString() ?? null,
        createdAt: row.createdAt.toISOString(),
      },
    ];
  });
}
