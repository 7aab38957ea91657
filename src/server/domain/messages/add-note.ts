import { withOrganization } from "../../db/tenant";
import { loadConversation } from "../conversations/load-conversation";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { emitMessageChanges } from "./emit-message-changes";
import { messageDtoSelect, messageDtos, type MessageDto } from "./message-dto";

/** An internal note: part of the conversation's timeline for the team, never sent to WhatsApp. */
export async function addNote(
  actor: Actor,
  input: { conversationId: string; clientMessageId: string; body: string },
): Promise<MessageDto> {
  const note = await withOrganization(actor.organizationId, async (tx) => {
    const conversation = await loadConversation(tx, actor.organizationId, input.conversationId);
    const existing = await tx.message.findFirst({
      where: { conversationId: conversation.id, clientMessageId: input.clientMessageId },
      select: messageDtoSelect,
    });
    if (existing) return existing;
    const created = await tx.message.create({
      data: {
        organizationId: actor.organizationId,
        instanceId: conversation.instanceId,
        conversationId: conversation.id,
        clientMessageId: input.clientMessageId,
        direction: "internal",
        type: "note",
        body: input.body,
        // Notes are never sent: "received" keeps them out of every send and ack path.
        status: "received",
        authorUserId: actor.userId,
        sentAt: new Date(),
      },
      select: messageDtoSelect,
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "conversation.note_added",
      targetType: "message",
      targetId: created.id,
      metadata: { conversationId: conversation.id },
    });
    return created;
  });
  await emitMessageChanges(actor.organizationId, [{ conversationId: input.conversationId, messageId: note.id }]);
  return (await withOrganization(actor.organizationId, (tx) => messageDtos(tx, [note])))[0]!;
}
