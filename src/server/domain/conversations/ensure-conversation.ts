import { uuid7 } from "../../db/uuid7";
import type { Tx } from "../../db/tenant";
import type { ChatRef } from "../../whatsapp/provider";
import { identityOf, resolveContact } from "../contacts/resolve-contact";

export interface ChatConversation {
  conversationId: string;
  /** The direct chat's contact; null for groups. */
  contactId: string | null;
}

/**
 * The conversation of a chat on an instance, created on its first message. Direct chats are keyed by
 * the contact (so a number written with or without Brazil's 9th digit, or by LID, is one chat); groups
 * by their JID. The reply address moves to the phone JID once known: WhatsApp skips read receipts for LIDs.
 */
export async function ensureConversation(
  tx: Tx,
  input: { organizationId: string; instanceId: string; chat: ChatRef; contactName: string | null },
): Promise<ChatConversation> {
  const { organizationId, instanceId, chat } = input;
  let contactId: string | null = null;
  let chatKey = chat.chatId;
  let chatJid = chat.chatId;
  if (chat.kind === "direct") {
    const contact = await resolveContact(tx, organizationId, identityOf(chat), input.contactName);
    if (!contact) throw new Error(`chat ${chat.chatId} names neither a phone nor a LID`);
    contactId = contact.id;
    chatKey = contact.id;
    if (chat.phone && !chat.chatId.endsWith("@s.whatsapp.net")) chatJid = `${chat.phone}@s.whatsapp.net`;
  }
  const rows = await tx.$queryRaw<{ id: string; chat_jid: string }[]>`
    INSERT INTO conversations (id, organization_id, instance_id, kind, chat_key, chat_jid, contact_id, created_at, updated_at)
    VALUES (${uuid7()}::uuid, ${organizationId}::uuid, ${instanceId}::uuid, ${chat.kind}::"ConversationKind",
            ${chatKey}, ${chatJid}, ${contactId}::uuid, now(), now())
    ON CONFLICT (instance_id, chat_key) DO UPDATE SET chat_jid =
      CASE WHEN conversations.chat_jid LIKE '%@s.whatsapp.net' THEN conversations.chat_jid ELSE EXCLUDED.chat_jid END
    RETURNING id, chat_jid`;
  return { conversationId: rows[0]!.id, contactId };
}
