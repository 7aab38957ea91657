import { uuid7 } from "../../db/uuid7";
import type { Tx } from "../../db/tenant";
import type { PersonRef } from "../../whatsapp/provider";
import { recordAudit } from "../audit/record-audit";
import { SUPPRESSED_CONTACT_REASON } from "../privacy/suppressed-contact";
import { suppressedPhones } from "../privacy/suppression-hash";
import type { ContactCache } from "./contact-cache";
import { mergeContacts } from "./merge-contacts";
import { canonicalPhone } from "./phone-identity";

export interface ContactIdentity {
  /** E.164 with "+", Brazilian mobiles always with the 9th digit. */
  phoneE164: string | null;
  /** WhatsApp's privacy id (LID), opaque, as the provider reported it. */
  lid: string | null;
}

export interface ResolvedContact {
  id: string;
  /** A contact folded into this one because the same person turned up under a second identity. */
  mergedContactIds: string[];
  /** Created just now: nothing (a conversation, say) can point to it yet. */
  created?: boolean;
}

/**
 * The identity a person reference carries: phone (canonical) and/or LID. Reported digits are international;
 * digits libphonenumber does not know (a new numbering plan) are kept as they are rather than dropped.
 */
export function identityOf(person: Pick<PersonRef, "phone" | "lid">): ContactIdentity {
  const phone = person.phone ? (canonicalPhone(`+${person.phone}`)?.e164 ?? `+${person.phone}`) : null;
  return { phoneE164: phone, lid: person.lid };
}

/**
 * The contact of a person, created when new. A person known by phone and by LID on different
 * occasions ends up as one contact: when a message finally links both, the two records are merged
 * (audited). Races between workers are settled by the unique indexes (insert … on conflict).
 */
export async function resolveContact(
  tx: Tx,
  organizationId: string,
  identity: ContactIdentity,
  pushName: string | null,
  /** The batch's contacts, read ahead (webhook processing); without it, the database is asked. */
  cache: ContactCache | null = null,
): Promise<ResolvedContact | null> {
  const { phoneE164, lid } = identity;
  if (!phoneE164 && !lid) return null;

  const matches =
    cache?.matches(identity) ??
    (await tx.contact.findMany({
      where: {
        organizationId,
        OR: [...(phoneE164 ? [{ phoneE164 }] : []), ...(lid ? [{ lid }] : [])],
      },
      select: contactSelect,
    }));
  const byPhone = (phoneE164 && matches.find((c) => c.phoneE164 === phoneE164)) || null;
  const byLid = (lid && matches.find((c) => c.lid === lid)) || null;

  if (byPhone && byLid && byPhone.id !== byLid.id) {
    // The same person, seen first by LID and by phone separately: the phone record survives.
    await mergeContacts(tx, { organizationId, survivorId: byPhone.id, mergedId: byLid.id, reason: "lid-linked" });
    cache?.disable();
    await refreshName(tx, byPhone, pushName);
    return { id: byPhone.id, mergedContactIds: [byLid.id] };
  }

  const existing = byPhone ?? byLid;
  if (existing) {
    const data: { phoneE164?: string; lid?: string; pushName?: string } = {};
    if (phoneE164 && !existing.phoneE164) data.phoneE164 = phoneE164;
    if (lid && !existing.lid) data.lid = lid;
    if (pushName && pushName !== existing.pushName) data.pushName = pushName;
    if (Object.keys(data).length) {
      await tx.contact.update({ where: { id: existing.id }, data });
      cache?.remember({ ...existing, ...data });
    }
    // A second identity attached to a known person changes who "this contact" is: on the audit log.
    if (data.phoneE164 || data.lid) {
      await recordAudit(tx, {
        organizationId,
        actorUserId: null,
        action: data.phoneE164 ? "contact.phone_linked" : "contact.lid_linked",
        targetType: "contact",
        targetId: existing.id,
        metadata: { before: { phoneE164: existing.phoneE164, lid: existing.lid }, linked: data.phoneE164 ?? data.lid },
      });
    }
    return { id: existing.id, mergedContactIds: [] };
  }

  // A person erased at their request who writes again is a new contact for the inbox, but blocked:
  // campaigns must never reach them again.
  const suppressed = phoneE164 ? (await suppressedPhones(tx, organizationId, [phoneE164])).size > 0 : false;
  const blockedReason = suppressed ? SUPPRESSED_CONTACT_REASON : null;
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO contacts (id, organization_id, phone_e164, lid, push_name, blocked_at, blocked_reason, created_at, updated_at)
    VALUES (${uuid7()}::uuid, ${organizationId}::uuid, ${phoneE164}, ${lid}, ${pushName},
            ${suppressed ? new Date() : null}, ${blockedReason}, now(), now())
    ON CONFLICT DO NOTHING
    RETURNING id`;
  if (inserted[0]) {
    cache?.remember({ id: inserted[0].id, phoneE164, lid, pushName });
    return { id: inserted[0].id, mergedContactIds: [], created: true };
  }
  // Another worker created the same person a moment ago: take theirs (from the database, not the cache).
  cache?.disable();
  return resolveContact(tx, organizationId, identity, pushName);
}

const contactSelect = { id: true, phoneE164: true, lid: true, pushName: true } as const;

async function refreshName(tx: Tx, contact: { id: string; pushName: string | null }, pushName: string | null) {
  if (pushName && pushName !== contact.pushName)
    await tx.contact.update({ where: { id: contact.id }, data: { pushName } });
}
