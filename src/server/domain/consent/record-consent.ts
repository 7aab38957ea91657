import type { ConsentSource, ConsentStatus, LegalBasis } from "../../db/generated/enums";
import type { Tx } from "../../db/tenant";
import type { MessageParams } from "../../../shared/errors";

/**
 * What the system says about a ledger entry, as codes the UI words (`contacts.evidenceOrigin.<code>`):
 * an import's file and row, or a WhatsApp message (its text in `evidence`) recognised as an opt-out by
 * a keyword, by the AI (`{ engine, confidence }`) or by an agent reviewing the AI, or a public opt-in form
 * the person confirmed on WhatsApp (`{ formId, wordingVersion, submittedAt, ip, reply }`, the wording in `evidence`).
 */
export type ConsentEvidenceCode =
  "import_file_row" | "whatsapp_message" | "ai_detected_opt_out" | "agent_reviewed_opt_out" | "opt_in_form_confirmed";

export interface ConsentChange {
  organizationId: string;
  contactId: string;
  status: ConsentStatus;
  source: ConsentSource;
  legalBasis?: LegalBasis | null;
  /** The wording agreed to or the message received, as written. */
  evidence?: string | null;
  /** Where the entry came from when the system says it (`import_file_row` with `{ file, row }`); the UI words it. */
  evidenceCode?: ConsentEvidenceCode | null;
  evidenceParams?: MessageParams;
  actorUserId?: string | null;
  occurredAt?: Date;
}

/**
 * Appends to a contact's consent ledger and updates its current status. An opt-out recorded from the
 * contact's own message is never overridden by an import or a form: only the contact's own opt-in
 * message or a newer recorded consent with explicit evidence lifts it (see `mayOptIn`).
 * Returns false when nothing changed (same status and basis: re-importing a file adds no entries).
 */
export async function recordConsent(tx: Tx, change: ConsentChange): Promise<boolean> {
  const contact = await tx.contact.findFirstOrThrow({
    where: { id: change.contactId, organizationId: change.organizationId },
    select: { consentStatus: true, consentLegalBasis: true },
  });
  if (contact.consentStatus === change.status && (contact.consentLegalBasis ?? null) === (change.legalBasis ?? null))
    return false;
  const occurredAt = change.occurredAt ?? new Date();
  await tx.consentEvent.create({
    data: {
      organizationId: change.organizationId,
      contactId: change.contactId,
      status: change.status,
      source: change.source,
      legalBasis: change.legalBasis ?? null,
      evidence: change.evidence ?? null,
      evidenceCode: change.evidenceCode ?? null,
      evidenceParams: change.evidenceParams ?? {},
      actorUserId: change.actorUserId ?? null,
      occurredAt,
    },
  });
  await tx.contact.update({
    where: { id: change.contactId },
    data: {
      consentStatus: change.status,
      consentLegalBasis: change.status === "opted_out" ? null : (change.legalBasis ?? null),
      consentUpdatedAt: occurredAt,
    },
  });
  return true;
}

/**
 * Whether a source may move an opted-out contact back in: the contact's own WhatsApp message, or a
 * person recording a new consent with its evidence. An import never does.
 */
export function mayOptIn(current: ConsentStatus, source: ConsentSource, evidence: string | null | undefined): boolean {
  if (current !== "opted_out") return true;
  if (source === "whatsapp") return true;
  return (source === "manual" || source === "form") && !!evidence?.trim();
}
