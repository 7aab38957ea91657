import type { Tx } from "../../db/tenant";
import { consentChangedSince } from "../consent/consent-changed-since";
import { optOutContact, type OptOutTarget } from "../consent/opt-out-contact";
import type { MessageChange } from "../messages/message-change";

/**
 * An agent's review says an inbound message asks to receive no more messages: the contact is opted out
 * with the message as evidence, as the keywords and a confident AI label do. The review may come long
 * after the message; a consent choice the person made after writing it is newer, and stands.
 */
export async function applyReviewedOptOut(
  tx: Tx,
  input: OptOutTarget & { messageId: string; text: string; sentAt: Date; reviewerUserId: string },
): Promise<MessageChange[]> {
  if (await consentChangedSince(tx, input.contactId, input.sentAt)) return [];
  const { optOutReply } = await tx.organization.findUniqueOrThrow({
    where: { id: input.organizationId },
    select: { optOutReply: true },
  });
  return optOutContact(tx, {
    organizationId: input.organizationId,
    instanceId: input.instanceId,
    conversationId: input.conversationId,
    contactId: input.contactId,
    evidence: { evidence: input.text.slice(0, 80), evidenceCode: "agent_reviewed_opt_out" },
    reply: optOutReply,
    auditMetadata: { text: input.text.slice(0, 80), messageId: input.messageId, reviewedBy: input.reviewerUserId },
  });
}
