import type { Tx } from "../../db/tenant";
import type { MessageType } from "../../db/generated/enums";
import { enqueue } from "../../jobs/enqueue";
import { previewOf } from "./message-content";
import { messageDtoSelect } from "./message-dto";

export interface OutboundMessage {
  organizationId: string;
  conversation: { id: string; instanceId: string };
  clientMessageId: string;
  type: MessageType;
  body: string | null;
  /** The member who wrote it; null for the bot's own replies. */
  authorUserId: string | null;
  quotedProviderMessageId?: string | null;
  attachment?: { key: string; mimeType: string; fileName: string; size: number } | null;
}

/**
 * Writes an outbound message (pending) and enqueues its delivery in the caller's transaction: the one
 * door into the send pipeline for agents' replies and the bot's alike.
 */
export async function writeOutboundMessage(tx: Tx, input: OutboundMessage) {
  const { attachment } = input;
  const created = await tx.message.create({
    data: {
      organizationId: input.organizationId,
      instanceId: input.conversation.instanceId,
      conversationId: input.conversation.id,
      clientMessageId: input.clientMessageId,
      direction: "outbound",
      type: input.type,
      body: input.body,
      status: "pending",
      authorUserId: input.authorUserId,
      sentAt: new Date(),
      quotedProviderMessageId: input.quotedProviderMessageId ?? null,
      ...(attachment
        ? {
            mediaKey: attachment.key,
            mediaMimeType: attachment.mimeType,
            mediaFileName: attachment.fileName,
            mediaSize: attachment.size,
            mediaStatus: "stored" as const,
          }
        : {}),
    },
    select: messageDtoSelect,
  });
  // A reply moves the conversation up and counts as having read it.
  const preview = previewOf(input.type, input.body, attachment?.fileName);
  await tx.conversation.update({
    where: { id: input.conversation.id },
    data: {
      lastActivityAt: new Date(),
      lastMessagePreview: preview.text,
      lastMessageKind: preview.kind,
      lastMessageDirection: "outbound",
      unreadCount: 0,
    },
  });
  await enqueue("messages.send", { organizationId: input.organizationId, messageId: created.id }, { tx });
  return created;
}
