import type { Tx } from "../../db/tenant";
import { enqueue } from "../../jobs/enqueue";
import { recordAudit } from "../audit/record-audit";
import type { MessageChange } from "../messages/message-change";
import { recordConsent, type ConsentChange } from "./record-consent";

/** How far back a campaign counts an opt-out as caused by it (for its opt-out rate and funnel). */
const ATTRIBUTION_DAYS = 30;

/** Whose message it was, and where to send the confirmation. */
export interface OptOutTarget {
  organizationId: string;
  instanceId: string;
  conversationId: string;
  contactId: string;
}

/**
 * A contact who asked, in their own message, to hear no more: the ledger records it with the evidence,
 * their pending campaign sends are cancelled, the audit log notes it, and one confirmation is sent.
 * Shared by the opt-out keywords and the AI's opt-out label. Does nothing when already opted out.
 */
export async function optOutContact(
  tx: Tx,
  input: OptOutTarget & {
    /** The contact's message, as they wrote it, and how it was recognised (a code with parameters). */
    evidence: Pick<ConsentChange, "evidence" | "evidenceCode" | "evidenceParams">;
    reply: string;
    auditMetadata: Record<string, unknown>;
  },
): Promise<MessageChange[]> {
  const changed = await recordConsent(tx, {
    organizationId: input.organizationId,
    contactId: input.contactId,
    status: "opted_out",
    source: "whatsapp",
    ...input.evidence,
  });
  if (!changed) return [];
  const cancelled = await tx.campaignRecipient.updateMany({
    where: { contactId: input.contactId, status: "pending" },
    data: { status: "skipped", reason: "opted_out" },
  });
  const attributed = await tx.$queryRaw<{ campaign_id: string }[]>`
    UPDATE campaign_recipients SET opted_out_at = now(), updated_at = now()
    WHERE contact_id = ${input.contactId}::uuid AND opted_out_at IS NULL AND sent_at > now() - make_interval(days => ${ATTRIBUTION_DAYS})
    RETURNING campaign_id`;
  await recordAudit(tx, {
    organizationId: input.organizationId,
    actorUserId: null,
    action: "contact.opted_out",
    targetType: "contact",
    targetId: input.contactId,
    metadata: { source: "whatsapp", ...input.auditMetadata, pendingSendsCancelled: cancelled.count },
  });
  const confirmation = await tx.message.create({
    data: {
      organizationId: input.organizationId,
      instanceId: input.instanceId,
      conversationId: input.conversationId,
      direction: "outbound",
      type: "text",
      body: input.reply,
      status: "pending",
      sentAt: new Date(),
    },
    select: { id: true },
  });
  await enqueue("messages.send", { organizationId: input.organizationId, messageId: confirmation.id }, { tx });
  return [
    {
      conversationId: input.conversationId,
      messageId: confirmation.id,
      campaignIds: [...new Set(attributed.map((row) => row.campaign_id))],
    },
  ];
}
