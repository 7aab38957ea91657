import type { Tx } from "../../db/tenant";
import type { SentMessage } from "../../whatsapp/provider";
import { applyPendingReceipts } from "./apply-message-status";
import { advancedStatus, statusFromDelivery } from "./message-status";

/**
 * Records WhatsApp's id for a reply that went out (from the send's answer or found by reconciliation).
 * When the gateway's echo got in first as a separate row, that row gives way to the reply.
 */
export async function recordSentMessage(
  tx: Tx,
  input: {
    organizationId: string;
    messageId: string;
    sent: Pick<SentMessage, "providerMessageId" | "status" | "timestamp" | "chatId">;
  },
): Promise<void> {
  const message = await tx.message.findUniqueOrThrow({
    where: { id: input.messageId },
    select: { id: true, instanceId: true, conversationId: true, status: true, providerMessageId: true },
  });
  await tx.message.deleteMany({
    where: { instanceId: message.instanceId, providerMessageId: input.sent.providerMessageId, id: { not: message.id } },
  });
  await tx.message.update({
    where: { id: message.id },
    data: {
      providerMessageId: input.sent.providerMessageId,
      status: advancedStatus(message.status, statusFromDelivery(input.sent.status)),
      failureReason: null,
      sentAt: input.sent.timestamp,
    },
  });
  await applyPendingReceipts(tx, {
    instanceId: message.instanceId,
    messageId: message.id,
    providerMessageId: input.sent.providerMessageId,
  });
  // WhatsApp's canonical chat id (e.g. without Brazil's 9th digit for legacy accounts) is where replies go.
  if (input.sent.chatId.endsWith("@s.whatsapp.net"))
    await tx.conversation.update({ where: { id: message.conversationId }, data: { chatJid: input.sent.chatId } });
}
