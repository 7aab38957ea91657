import type { Tx } from "../../db/tenant";
import type { ContactIdentity } from "./resolve-contact";

export interface CachedContact {
  id: string;
  phoneE164: string | null;
  lid: string | null;
  pushName: string | null;
}

/**
 * The contacts of a batch of webhook deliveries, read in one query before the batch is applied, so
 * resolving each message's person costs no round trip. An identity counts as known only if its phone
 * and LID were both part of that read; the cache learns what the batch creates or changes and turns
 * itself off after a merge (rare), leaving the rest of the batch to the database.
 */
export class ContactCache {
  private readonly byPhone = new Map<string, CachedContact>();
  private readonly byLid = new Map<string, CachedContact>();
  private readonly coveredPhones = new Set<string>();
  private readonly coveredLids = new Set<string>();
  private enabled = true;

  static async load(tx: Tx, organizationId: string, identities: ContactIdentity[]): Promise<ContactCache> {
    const cache = new ContactCache();
    const phones = [...new Set(identities.flatMap((i) => (i.phoneE164 ? [i.phoneE164] : [])))];
    const lids = [...new Set(identities.flatMap((i) => (i.lid ? [i.lid] : [])))];
    if (!phones.length && !lids.length) return cache;
    const rows = await tx.contact.findMany({
      where: {
        organizationId,
        OR: [
          ...(phones.length ? [{ phoneE164: { in: phones } }] : []),
          ...(lids.length ? [{ lid: { in: lids } }] : []),
        ],
      },
      select: { id: true, phoneE164: true, lid: true, pushName: true },
    });
    for (const phone of phones) cache.coveredPhones.add(phone);
    for (const lid of lids) cache.coveredLids.add(lid);
    for (const row of rows) cache.remember(row);
    return cache;
  }

  /** The contacts matching an identity (as the database would answer), or null when not known here. */
  matches(identity: ContactIdentity): CachedContact[] | null {
    if (!this.enabled) return null;
    if (identity.phoneE164 && !this.coveredPhones.has(identity.phoneE164)) return null;
    if (identity.lid && !this.coveredLids.has(identity.lid)) return null;
    const found = new Map<string, CachedContact>();
    const byPhone = identity.phoneE164 ? this.byPhone.get(identity.phoneE164) : undefined;
    const byLid = identity.lid ? this.byLid.get(identity.lid) : undefined;
    if (byPhone) found.set(byPhone.id, byPhone);
    if (byLid) found.set(byLid.id, byLid);
    return [...found.values()];
  }

  /** A contact as it now is in the database (created or updated by this batch). */
  remember(contact: CachedContact): void {
    if (contact.phoneE164) {
      this.byPhone.set(contact.phoneE164, contact);
      this.coveredPhones.add(contact.phoneE164);
    }
    if (contact.lid) {
      this.byLid.set(contact.lid, contact);
      this.coveredLids.add(contact.lid);
    }
  }

  /** After a merge or a bulk profile update the cache no longer knows: ask the database from here on. */
  disable(): void {
    this.enabled = false;
  }
}
