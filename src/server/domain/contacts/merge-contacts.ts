import type { Tx } from "../../db/tenant";
import { recordAudit } from "../audit/record-audit";

/**
 * Folds one contact into another: identities, names, conversations (merged per instance when both
 * had one), group authorship. Written to the audit log with both records as they were.
 */
export async function mergeContacts(
  tx: Tx,
  input: { organizationId: string; survivorId: string; mergedId: string; reason: string; actorUserId?: string | null },
): Promise<void> {
  const { organizationId, survivorId, mergedId } = input;
  // One after the other: a transaction is one connection.
  const survivor = await tx.contact.findFirstOrThrow({ where: { id: survivorId, organizationId } });
  const merged = await tx.contact.findFirstOrThrow({ where: { id: mergedId, organizationId } });

  const conversations = await tx.conversation.findMany({
    where: { contactId: mergedId, organizationId },
    select: { id: true, instanceId: true },
  });
  for (const conversation of conversations) {
    const twin = await tx.conversation.findFirst({
      where: { instanceId: conversation.instanceId, chatKey: survivorId },
      select: { id: true },
    });
    if (twin) await mergeConversations(tx, { keepId: twin.id, dropId: conversation.id });
    else
      await tx.conversation.update({
        where: { id: conversation.id },
        data: { contactId: survivorId, chatKey: survivorId },
      });
  }
  await tx.message.updateMany({ where: { senderContactId: mergedId }, data: { senderContactId: survivorId } });

  // Unique identities move only after the merged record is gone.
  await tx.contact.delete({ where: { id: mergedId } });
  await tx.contact.update({
    where: { id: survivorId },
    data: {
      phoneE164: survivor.phoneE164 ?? merged.phoneE164,
      lid: survivor.lid ?? merged.lid,
      name: survivor.name ?? merged.name,
      pushName: survivor.pushName ?? merged.pushName,
      profilePictureUrl: survivor.profilePictureUrl ?? merged.profilePictureUrl,
      lastInteractionAt: latest(survivor.lastInteractionAt, merged.lastInteractionAt),
    },
  });
  await recordAudit(tx, {
    organizationId,
    actorUserId: input.actorUserId ?? null,
    action: "contact.merged",
    targetType: "contact",
    targetId: survivorId,
    metadata: {
      reason: input.reason,
      survivor: { id: survivor.id, phoneE164: survivor.phoneE164, lid: survivor.lid, pushName: survivor.pushName },
      merged: { id: merged.id, phoneE164: merged.phoneE164, lid: merged.lid, pushName: merged.pushName },
      conversationsMoved: conversations.length,
    },
  });
}

/** Moves every message, tag and counter of one conversation of a chat into its twin, then drops it. */
async function mergeConversations(tx: Tx, input: { keepId: string; dropId: string }) {
  const { keepId, dropId } = input;
  await tx.message.updateMany({ where: { conversationId: dropId }, data: { conversationId: keepId } });
  await tx.$executeRaw`
    INSERT INTO conversation_tags (conversation_id, tag_id, organization_id, created_at)
    SELECT ${keepId}::uuid, tag_id, organization_id, created_at FROM conversation_tags WHERE conversation_id = ${dropId}::uuid
    ON CONFLICT DO NOTHING`;
  await tx.$executeRaw`
    UPDATE conversations AS keep SET
      unread_count = keep.unread_count + drop.unread_count,
      last_inbound_at = GREATEST(keep.last_inbound_at, drop.last_inbound_at),
      assignee_id = COALESCE(keep.assignee_id, drop.assignee_id),
      last_message_preview = CASE WHEN drop.last_activity_at > keep.last_activity_at THEN drop.last_message_preview ELSE keep.last_message_preview END,
      last_message_direction = CASE WHEN drop.last_activity_at > keep.last_activity_at THEN drop.last_message_direction ELSE keep.last_message_direction END,
      last_activity_at = GREATEST(keep.last_activity_at, drop.last_activity_at),
      updated_at = now()
    FROM conversations AS drop
    WHERE keep.id = ${keepId}::uuid AND drop.id = ${dropId}::uuid`;
  await tx.conversation.delete({ where: { id: dropId } });
}

function latest(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}
