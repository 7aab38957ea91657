import { Prisma } from "../../../db/generated/client";
import type { Tx } from "../../../db/tenant";
import { uuid7 } from "../../../db/uuid7";
import type { LegalBasisValue } from "../../../../shared/schemas/contacts";
import { mayOptIn, type ConsentChange } from "../../consent/record-consent";
import { appendConsentEvents, recordConsentBatch } from "../../consent/record-consent-batch";
import { customFieldsOf, type CustomFieldValue } from "../custom-field-value";
import { tagKey } from "./ensure-import-tags";
import type { ImportRowPlan } from "./validate-rows";

export interface ChunkOutcome {
  created: number;
  updated: number;
  unchanged: number;
}

interface ExistingContact {
  id: string;
  phone_e164: string;
  name: string | null;
  custom_fields: unknown;
  consent_status: "opted_in" | "opted_out" | "unknown";
  consent_legal_basis: LegalBasisValue | null;
}

/**
 * Writes one chunk of valid rows in the caller's transaction, as upserts by canonical phone: new
 * contacts are inserted, known ones get the name and custom field values of the row, tags are added
 * (never removed) and consent recorded through the ledger — an import never lifts an opt-out. Running
 * the same chunk again changes nothing and counts every row as unchanged.
 */
export async function applyImportChunk(
  tx: Tx,
  input: {
    organizationId: string;
    rows: ImportRowPlan[];
    tagIds: Map<string, string>;
    /** `evidence`: what the importer wrote, if anything; each entry also names the file and row (a code). */
    consent: { legalBasis: LegalBasisValue | null; evidence: string | null; fileName: string };
    actorUserId: string | null;
  },
): Promise<ChunkOutcome> {
  const { organizationId, rows } = input;
  const now = new Date();
  const evidenceOf = (row: ImportRowPlan) => ({
    evidence: input.consent.evidence,
    evidenceCode: "import_file_row" as const,
    evidenceParams: { file: input.consent.fileName, row: row.rowNumber },
  });
  const legalBasisOf = (row: ImportRowPlan) => (row.consent === "opted_in" ? input.consent.legalBasis : null);

  const existing = await selectExisting(
    tx,
    organizationId,
    rows.map((row) => row.phoneE164),
  );
  const fresh = rows.filter((row) => !existing.has(row.phoneE164));
  const created = await insertContacts(tx, organizationId, fresh, legalBasisOf, now);
  // New contacts are inserted with their consent; the ledger gets that as their first entry.
  await appendConsentEvents(
    tx,
    organizationId,
    fresh
      .filter((row) => row.consent && created.has(row.phoneE164))
      .map((row) => ({
        organizationId,
        contactId: created.get(row.phoneE164)!,
        status: row.consent!,
        source: "import" as const,
        legalBasis: legalBasisOf(row),
        ...evidenceOf(row),
        actorUserId: input.actorUserId,
        occurredAt: now,
      })),
  );
  // A contact created a moment ago by an incoming message: update it like any known one.
  const raced = fresh.filter((row) => !created.has(row.phoneE164)).map((row) => row.phoneE164);
  if (raced.length)
    for (const [phone, contact] of await selectExisting(tx, organizationId, raced)) existing.set(phone, contact);

  const changed = new Set<string>();
  await updateContacts(tx, rows, existing, changed);

  const contactIdOf = (row: ImportRowPlan) => created.get(row.phoneE164) ?? existing.get(row.phoneE164)!.id;
  const tagged = await addTags(tx, organizationId, rows, contactIdOf, input.tagIds);
  for (const id of tagged) changed.add(id);

  const consentChanges: ConsentChange[] = [];
  for (const row of rows) {
    const known = existing.get(row.phoneE164);
    if (!row.consent || !known) continue;
    const legalBasis = legalBasisOf(row);
    if (known.consent_status === row.consent && known.consent_legal_basis === legalBasis) continue;
    // An import never lifts an opt-out.
    if (!mayOptIn(known.consent_status, "import", input.consent.evidence)) continue;
    consentChanges.push({
      organizationId,
      contactId: known.id,
      status: row.consent,
      source: "import",
      legalBasis,
      ...evidenceOf(row),
      actorUserId: input.actorUserId,
      occurredAt: now,
    });
  }
  for (const id of await recordConsentBatch(tx, consentChanges)) changed.add(id);

  let updated = 0;
  for (const row of rows) {
    if (created.has(row.phoneE164)) continue;
    if (changed.has(existing.get(row.phoneE164)!.id)) updated++;
  }
  return { created: created.size, updated, unchanged: rows.length - created.size - updated };
}

async function selectExisting(tx: Tx, organizationId: string, phones: string[]): Promise<Map<string, ExistingContact>> {
  if (phones.length === 0) return new Map();
  // Locked: an incoming message must not interleave its own update of these contacts.
  const rows = await tx.$queryRaw<ExistingContact[]>`
    SELECT id, phone_e164, name, custom_fields, consent_status, consent_legal_basis FROM contacts
    WHERE organization_id = ${organizationId}::uuid AND phone_e164 = ANY(${phones}::text[])
    ORDER BY id
    FOR UPDATE`;
  return new Map(rows.map((row) => [row.phone_e164, row]));
}

/** Inserts the new contacts with their consent; returns phone → id of those actually inserted. */
async function insertContacts(
  tx: Tx,
  organizationId: string,
  rows: ImportRowPlan[],
  legalBasisOf: (row: ImportRowPlan) => LegalBasisValue | null,
  now: Date,
): Promise<Map<string, string>> {
  if (rows.length === 0) return new Map();
  const inserted = await tx.$queryRaw<{ id: string; phone_e164: string }[]>`
    INSERT INTO contacts (id, organization_id, phone_e164, name, custom_fields,
                          consent_status, consent_legal_basis, consent_updated_at, created_at, updated_at)
    SELECT v.id, ${organizationId}::uuid, v.phone, v.name, v.custom_fields::jsonb,
           coalesce(v.consent, 'unknown')::"ConsentStatus", v.legal_basis::"LegalBasis",
           CASE WHEN v.consent IS NULL THEN NULL ELSE ${now}::timestamptz END, now(), now()
    FROM unnest(
      ${rows.map(() => uuid7())}::uuid[],
      ${rows.map((row) => row.phoneE164)}::text[],
      ${rows.map((row) => row.name)}::text[],
      ${rows.map((row) => JSON.stringify(row.fields))}::text[],
      ${rows.map((row) => row.consent)}::text[],
      ${rows.map((row) => legalBasisOf(row))}::text[]
    ) AS v(id, phone, name, custom_fields, consent, legal_basis)
    ON CONFLICT DO NOTHING
    RETURNING id, phone_e164`;
  return new Map(inserted.map((row) => [row.phone_e164, row.id]));
}

/** Name and custom field values of known contacts, where the row changes them. */
async function updateContacts(
  tx: Tx,
  rows: ImportRowPlan[],
  existing: Map<string, ExistingContact>,
  changed: Set<string>,
): Promise<void> {
  const updates: { id: string; name: string | null; fields: Record<string, CustomFieldValue> }[] = [];
  for (const row of rows) {
    const contact = existing.get(row.phoneE164);
    if (!contact) continue;
    const fields = customFieldsOf({ id: contact.id, customFields: contact.custom_fields });
    const name = row.name ?? contact.name;
    const fieldsChanged = Object.keys(row.fields).some((key) => fields[key] !== row.fields[key]);
    if (name === contact.name && !fieldsChanged) continue;
    // Merged in SQL: values of fields the file does not map are kept.
    updates.push({ id: contact.id, name, fields: row.fields });
    changed.add(contact.id);
  }
  if (updates.length === 0) return;
  await tx.$executeRaw(Prisma.sql`
    UPDATE contacts c SET name = v.name, custom_fields = c.custom_fields || v.custom_fields::jsonb, updated_at = now()
    FROM unnest(
      ${updates.map((u) => u.id)}::uuid[],
      ${updates.map((u) => u.name)}::text[],
      ${updates.map((u) => JSON.stringify(u.fields))}::text[]
    ) AS v(id, name, custom_fields)
    WHERE c.id = v.id`);
}

/** Adds the rows' tags; returns the contacts that got a tag they did not have. */
async function addTags(
  tx: Tx,
  organizationId: string,
  rows: ImportRowPlan[],
  contactIdOf: (row: ImportRowPlan) => string,
  tagIds: Map<string, string>,
): Promise<Set<string>> {
  const contactIds: string[] = [];
  const tags: string[] = [];
  for (const row of rows)
    for (const name of row.tags) {
      const tagId = tagIds.get(tagKey(name));
      if (!tagId) continue;
      contactIds.push(contactIdOf(row));
      tags.push(tagId);
    }
  if (contactIds.length === 0) return new Set();
  const inserted = await tx.$queryRaw<{ contact_id: string }[]>`
    INSERT INTO contact_tags (contact_id, tag_id, organization_id, created_at)
    SELECT v.contact_id, v.tag_id, ${organizationId}::uuid, now()
    FROM unnest(${contactIds}::uuid[], ${tags}::uuid[]) AS v(contact_id, tag_id)
    ON CONFLICT DO NOTHING
    RETURNING contact_id`;
  return new Set(inserted.map((row) => row.contact_id));
}
