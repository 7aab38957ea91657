import type { Tx } from "../../db/tenant";
import { recordAudit } from "../audit/record-audit";
import { matchesKeyword } from "./consent-keywords";
import { OPT_IN_CONFIRMATION_WORDS } from "./opt-in-confirmation-text";
import { recordConsent } from "./record-consent";

/** A confirmation answered after this long is no longer tied to the form (the person may not remember it). */
const CONFIRM_WITHIN_MS = 7 * 86_400_000;

/**
 * The second step of the double opt-in: the person's own WhatsApp reply confirming a pending form
 * submission opts them in, with the exact wording they were shown as evidence and the form's version,
 * time and IP. Returns whether the message was such a confirmation. Runs in the transaction that records
 * the inbound message, after the opt-out words were checked (an opt-out always wins).
 */
export async function confirmOptIn(
  tx: Tx,
  input: { organizationId: string; contactId: string; text: string; receivedAt?: Date },
): Promise<boolean> {
  if (!matchesKeyword(input.text, OPT_IN_CONFIRMATION_WORDS)) return false;
  const now = input.receivedAt ?? new Date();
  const request = await tx.optInRequest.findFirst({
    where: {
      organizationId: input.organizationId,
      contactId: input.contactId,
      status: "pending",
      messageId: { not: null },
      submittedAt: { gt: new Date(now.getTime() - CONFIRM_WITHIN_MS) },
    },
    orderBy: { submittedAt: "desc" },
    include: { form: { select: { id: true, wording: true, wordingVersion: true, campaignId: true } } },
  });
  if (!request) return false;
  // The wording of the version shown: a later edit of the form does not change what was agreed to.
  const wording = request.form.wordingVersion === request.wordingVersion ? request.form.wording : null;
  await tx.optInRequest.updateMany({
    where: { organizationId: input.organizationId, contactId: input.contactId, status: "pending" },
    data: { status: "confirmed", answeredAt: now },
  });
  await recordConsent(tx, {
    organizationId: input.organizationId,
    contactId: input.contactId,
    status: "opted_in",
    source: "form",
    legalBasis: "consent",
    evidence: wording,
    evidenceCode: "opt_in_form_confirmed",
    evidenceParams: {
      formId: request.form.id,
      wordingVersion: request.wordingVersion,
      submittedAt: request.submittedAt.toISOString(),
      ip: request.ipAddress,
      reply: input.text.slice(0, 80),
      ...(request.form.campaignId ? { campaignId: request.form.campaignId } : {}),
    },
    occurredAt: now,
  });
  await recordAudit(tx, {
    organizationId: input.organizationId,
    actorUserId: null,
    action: "contact.opted_in",
    targetType: "contact",
    targetId: input.contactId,
    metadata: {
      source: "form",
      formId: request.form.id,
      wordingVersion: request.wordingVersion,
      requestId: request.id,
    },
  });
  return true;
}

/** An opt-out while a form submission is pending refuses it: a later "SIM" no longer counts. */
export async function refusePendingOptIns(tx: Tx, input: { organizationId: string; contactId: string }): Promise<void> {
  await tx.optInRequest.updateMany({
    where: { organizationId: input.organizationId, contactId: input.contactId, status: "pending" },
    data: { status: "refused", answeredAt: new Date() },
  });
}
