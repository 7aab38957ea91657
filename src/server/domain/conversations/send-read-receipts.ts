import { withOrganization } from "../../db/tenant";
import { whatsappProviderFor } from "../../whatsapp";

/** How far back read receipts go: WhatsApp only shows blue ticks for recent messages anyway. */
const RECENT_MESSAGES = 50;

/**
 * Tells WhatsApp the team read a conversation (blue ticks for the customer), after an agent opened it.
 * Marking read twice changes nothing, so the job can run again safely.
 */
export async function sendReadReceipts(input: { organizationId: string; conversationId: string }): Promise<void> {
  const conversation = await withOrganization(input.organizationId, (tx) =>
    tx.conversation.findFirst({
      where: { id: input.conversationId, organizationId: input.organizationId },
      select: {
        chatAddress: true,
        instance: { select: { provider: true, providerName: true, state: true } },
        messages: {
          where: { direction: "inbound", providerMessageId: { not: null }, revokedAt: null },
          orderBy: [{ sentAt: "desc" }, { id: "desc" }],
          take: RECENT_MESSAGES,
          select: { providerMessageId: true },
        },
      },
    }),
  );
  if (!conversation || conversation.instance.state !== "open" || conversation.messages.length === 0) return;
  await whatsappProviderFor(conversation.instance).markAsRead(
    conversation.instance.providerName,
    conversation.messages.map((message) => ({
      chat: conversation.chatAddress,
      providerMessageId: message.providerMessageId!,
      fromMe: false,
    })),
  );
}
