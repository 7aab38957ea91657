import { Prisma } from "../../db/generated/client";
import type { Tx } from "../../db/tenant";
import { uuid7 } from "../../db/uuid7";
import type { ConsentChange } from "./record-consent";

/**
 * `recordConsent` for many contacts of one organization at once (imports): the same rules — a change
 * to the status and basis a contact already has adds nothing; an opt-out clears the basis — in a few
 * statements instead of three per contact. Callers check `mayOptIn` first, as for recordConsent.
 * Returns the ids of the contacts whose consent changed.
 */
export async function recordConsentBatch(tx: Tx, changes: ConsentChange[]): Promise<Set<string>> {
  if (changes.length === 0) return new Set();
  // One change per contact: the last one given wins.
  const byContact = new Map(changes.map((change) => [change.contactId, change]));
  const organizationId = changes[0]!.organizationId;
  const current = await tx.contact.findMany({
    where: { organizationId, id: { in: [...byContact.keys()] } },
    select: { id: true, consentStatus: true, consentLegalBasis: true },
  });
  const effective = current.flatMap((contact) => {
    const change = byContact.get(contact.id)!;
    if (contact.consentStatus === change.status && (contact.consentLegalBasis ?? null) === (change.legalBasis ?? null))
      return [];
    return [{ ...change, occurredAt: change.occurredAt ?? new Date() }];
  });
  if (effective.length === 0) return new Set();

  await appendConsentEvents(tx, organizationId, effective);
  await tx.$executeRaw(Prisma.sql`
    UPDATE contacts c SET
      consent_status = v.status::"ConsentStatus",
      consent_legal_basis = v.legal_basis::"LegalBasis",
      consent_updated_at = v.occurred_at,
      updated_at = now()
    FROM unnest(
      ${effective.map((c) => c.contactId)}::uuid[],
      ${effective.map((c) => c.status)}::text[],
      ${effective.map((c) => (c.status === "opted_out" ? null : (c.legalBasis ?? null)))}::text[],
      ${effective.map((c) => c.occurredAt)}::timestamptz[]
    ) AS v(id, status, legal_basis, occurred_at)
    WHERE c.id = v.id AND c.organization_id = ${organizationId}::uuid`);
  return new Set(effective.map((change) => change.contactId));
}

/**
 * Ledger entries only, for contacts whose consent columns already say the same: a contact inserted
 * with its consent (by an import) gets that entry as the first of its ledger.
 */
export async function appendConsentEvents(
  tx: Tx,
  organizationId: string,
  entries: (ConsentChange & { occurredAt: Date })[],
): Promise<void> {
  if (entries.length === 0) return;
  // One unnest insert: createMany of a thousand rows costs several times more in the client.
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO consent_events (id, organization_id, contact_id, status, source, legal_basis, evidence, evidence_code,
                                evidence_params, actor_user_id, occurred_at)
    SELECT v.id, ${organizationId}::uuid, v.contact_id, v.status::"ConsentStatus", v.source::"ConsentSource",
           v.legal_basis::"LegalBasis", v.evidence, v.evidence_code, v.evidence_params, v.actor_user_id, v.occurred_at
    FROM unnest(
      ${entries.map(() => uuid7())}::uuid[],
      ${entries.map((e) => e.contactId)}::uuid[],
      ${entries.map((e) => e.status)}::text[],
      ${entries.map((e) => e.source)}::text[],
      ${entries.map((e) => e.legalBasis ?? null)}::text[],
      ${entries.map((e) => e.evidence ?? null)}::text[],
      ${entries.map((e) => e.evidenceCode ?? null)}::text[],
      ${entries.map((e) => JSON.stringify(e.evidenceParams ?? {}))}::jsonb[],
      ${entries.map((e) => e.actorUserId ?? null)}::uuid[],
      ${entries.map((e) => e.occurredAt)}::timestamptz[]
    ) AS v(id, contact_id, status, source, legal_basis, evidence, evidence_code, evidence_params, actor_user_id, occurred_at)`);
}
