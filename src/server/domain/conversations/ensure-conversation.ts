import { uuid7 } from "../../db/uuid7";
import { AppError } from "../../errors";
import type { Tx } from "../../db/tenant";
import { isPhoneAddress, type ChatRef } from "../../whatsapp/provider";
import type { ContactCache } from "../contacts/contact-cache";
import { identityOf, resolveContact } from "../contacts/resolve-contact";
import type { ConversationCache } from "./conversation-cache";

export interface ChatConversation {
  conversationId: string;
  /** The direct chat's contact; null for groups. */
  contactId: string | null;
  /** Where replies go. */
  chatAddress: string;
}

/**
 * The conversation of a chat on an instance, created on its first message. Direct chats are keyed by
 * the contact (so a number written with or without Brazil's 9th digit, or by LID, is one chat); groups
 * by their address. The reply address moves to the phone number once known: WhatsApp skips read receipts
 * for LIDs.
 */
export async function ensureConversation(
  tx: Tx,
  input: {
    organizationId: string;
    instanceId: string;
    chat: ChatRef;
    contactName: string | null;
    /** Time of the message that opens it (the list sorts by activity). */
    activityAt: Date;
  },
  /** Contacts and conversations read ahead for a batch of webhook deliveries. */
  caches: { contacts: ContactCache; conversations: ConversationCache } | null = null,
): Promise<ChatConversation> {
  const { organizationId, instanceId, chat } = input;
  let contactId: string | null = null;
  let chatKey = chat.address;
  let chatAddress = chat.address;
  if (chat.kind === "direct") {
    const contact = await resolveContact(tx, organizationId, identityOf(chat), input.contactName, caches?.contacts);
    if (!contact) throw new AppError("VALIDATION", "chatWithoutIdentity", { params: { chat: chat.address } });
    contactId = contact.id;
    chatKey = contact.id;
    if (contact.created) caches?.conversations.markAbsent(chatKey);
    if (chat.phone && !isPhoneAddress(chat.address)) chatAddress = chat.phone;
  }
  const cached = caches?.conversations.get(chatKey);
  const existing =
    cached !== undefined
      ? cached
      : await tx.conversation.findUnique({
          where: { instanceId_chatKey: { instanceId, chatKey } },
          select: { id: true, chatAddress: true },
        });
  if (existing) {
    if (existing.chatAddress !== chatAddress && !isPhoneAddress(existing.chatAddress)) {
      await tx.conversation.update({ where: { id: existing.id }, data: { chatAddress } });
      caches?.conversations.remember(chatKey, { id: existing.id, chatAddress });
      return { conversationId: existing.id, contactId, chatAddress };
    }
    return { conversationId: existing.id, contactId, chatAddress: existing.chatAddress };
  }
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO conversations (id, organization_id, instance_id, kind, chat_key, chat_address, contact_id,
      last_activity_at, created_at, updated_at)
    VALUES (${uuid7()}::uuid, ${organizationId}::uuid, ${instanceId}::uuid, ${chat.kind}::"ConversationKind",
            ${chatKey}, ${chatAddress}, ${contactId}::uuid, ${input.activityAt}, now(), now())
    ON CONFLICT (instance_id, chat_key) DO NOTHING
    RETURNING id`;
  // Lost a race with another worker creating the same chat: take theirs.
  if (!inserted[0]) {
    caches?.conversations.forget(chatKey);
    return ensureConversation(tx, input, caches);
  }
  caches?.conversations.remember(chatKey, { id: inserted[0].id, chatAddress });
  return { conversationId: inserted[0].id, contactId, chatAddress };
}
