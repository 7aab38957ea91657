import type { Tx } from "../../db/tenant";
import { metrics } from "../../observability/metrics";
import { recordAudit } from "../audit/record-audit";
import type { MessageChange } from "../messages/message-change";
import { confirmOptIn, refusePendingOptIns } from "./confirm-opt-in";
import { matchesKeyword } from "./consent-keywords";
import { optOutContact } from "./opt-out-contact";
import { recordConsent } from "./record-consent";

/**
 * A contact's own message that is an opt-out word opts them out at once: the ledger records it with
 * the message as evidence, their pending campaign sends are cancelled, the audit log notes it, and
 * one confirmation is sent. A reply confirming a pending opt-in form opts them in (double opt-in); an
 * opt-in word from an opted-out contact opts them back in. Called inside
 * the transaction that records the message, so a replay does nothing twice.
 */
export async function applyConsentKeywords(
  tx: Tx,
  input: { organizationId: string; instanceId: string; conversationId: string; contactId: string; text: string },
  /** Webhook batches read the organization's keywords once. */
  batch: { once<T>(key: string, load: () => Promise<T>): Promise<T> } | null = null,
): Promise<MessageChange[]> {
  if (input.text.length > 80) return [];
  const load = () =>
    tx.organization.findUniqueOrThrow({
      where: { id: input.organizationId },
      select: { optOutKeywords: true, optInKeywords: true, optOutReply: true },
    });
  const organization = batch ? await batch.once("consent-keywords", load) : await load();
  const evidence = { evidence: input.text.slice(0, 80), evidenceCode: "whatsapp_message" as const };

  if (matchesKeyword(input.text, organization.optOutKeywords)) {
    metrics().optOuts.inc({ instance_id: input.instanceId });
    await refusePendingOptIns(tx, input);
    return optOutContact(tx, {
      ...input,
      evidence,
      reply: organization.optOutReply,
      auditMetadata: { text: input.text.slice(0, 80) },
    });
  }

  if (await confirmOptIn(tx, input)) return [];

  if (matchesKeyword(input.text, organization.optInKeywords)) {
    const contact = await tx.contact.findUniqueOrThrow({
      where: { id: input.contactId },
      select: { consentStatus: true },
    });
    if (contact.consentStatus !== "opted_out") return [];
    await recordConsent(tx, {
      organizationId: input.organizationId,
      contactId: input.contactId,
      status: "opted_in",
      source: "whatsapp",
      legalBasis: "consent",
      ...evidence,
    });
    await recordAudit(tx, {
      organizationId: input.organizationId,
      actorUserId: null,
      action: "contact.opted_in",
      targetType: "contact",
      targetId: input.contactId,
      metadata: { source: "whatsapp", text: input.text.slice(0, 80) },
    });
  }
  return [];
}
