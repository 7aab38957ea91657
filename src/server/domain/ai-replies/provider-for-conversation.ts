import type { Tx } from "../../db/tenant";
import { loadConversation } from "../conversations/load-conversation";
import { loadAiProvider } from "../ai/load-ai-provider";

/**
 * The conversation (NOT_FOUND for another organization's) and the provider that may read it: none when
 * the organization has none, or when its contact is marked "sem IA" (their words never leave the machine).
 */
export async function providerForConversation(tx: Tx, organizationId: string, conversationId: string) {
  const conversation = await loadConversation(tx, organizationId, conversationId);
  const contact = conversation.contactId
    ? await tx.contact.findFirst({ where: { id: conversation.contactId }, select: { aiOptOut: true } })
    : null;
  const aiOptOut = contact?.aiOptOut ?? false;
  return { conversation, aiOptOut, provider: aiOptOut ? null : await loadAiProvider(tx, organizationId) };
}
