import { withOrganization } from "../../db/tenant";
import { whatsappProvider } from "../../whatsapp";
import { evolutionServer } from "../instances/evolution-server";

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
        chatJid: true,
        instance: { select: { providerName: true, state: true } },
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
  await whatsappProvider().markAsRead(
    evolutionServer(),
    conversation.instance.providerName,
    conversation.messages.map((message) => ({
      chatId: conversation.chatJid,
      providerMessageId: message.providerMessageId!,
      fromMe: false,
    })),
  );
}
