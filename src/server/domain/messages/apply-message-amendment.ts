import type { Tx } from "../../db/tenant";
import type { PersonRef } from "../../whatsapp/provider";
import type { MessageChange } from "./message-change";
import { previewOf } from "./message-content";
import { messageReactionsOf } from "./message-json-schema";

type Context = { organizationId: string; instanceId: string };

async function target(tx: Tx, context: Context, providerMessageId: string) {
  return tx.message.findFirst({
    where: { instanceId: context.instanceId, providerMessageId },
    select: { id: true, conversationId: true, type: true, reactions: true },
  });
}

/** Whose reaction it is: one reaction per person per message, a new one replaces the old. */
function reactorKey(fromMe: boolean, sender: PersonRef | null): string {
  if (fromMe) return "me";
  return sender?.phone ?? sender?.lid ?? "unknown";
}

/** Returns null when the target is unknown (the caller marks the delivery). */
export async function applyReaction(
  tx: Tx,
  context: Context,
  reaction: { targetProviderMessageId: string; fromMe: boolean; sender: PersonRef | null; emoji: string },
): Promise<MessageChange[] | null> {
  const message = await target(tx, context, reaction.targetProviderMessageId);
  if (!message) return null;
  const reactions = { ...messageReactionsOf(message) };
  const key = reactorKey(reaction.fromMe, reaction.sender);
  if (reaction.emoji) reactions[key] = reaction.emoji;
  else delete reactions[key];
  await tx.message.update({ where: { id: message.id }, data: { reactions } });
  return [{ conversationId: message.conversationId, messageId: message.id }];
}

export async function applyEdit(
  tx: Tx,
  context: Context,
  edit: { targetProviderMessageId: string; text: string; timestamp: Date },
): Promise<MessageChange[] | null> {
  const message = await target(tx, context, edit.targetProviderMessageId);
  if (!message) return null;
  await tx.message.update({ where: { id: message.id }, data: { body: edit.text, editedAt: edit.timestamp } });
  await refreshPreview(tx, message.conversationId, message.id);
  return [{ conversationId: message.conversationId, messageId: message.id }];
}

/** "Apagada para todos": the text goes, the row stays so the conversation shows what happened. */
export async function applyRevoke(
  tx: Tx,
  context: Context,
  revoke: { targetProviderMessageId: string },
): Promise<MessageChange[] | null> {
  const message = await target(tx, context, revoke.targetProviderMessageId);
  if (!message) return null;
  await tx.message.updateMany({
    where: { id: message.id, revokedAt: null },
    data: { revokedAt: new Date(), body: null, details: undefined },
  });
  await refreshPreview(tx, message.conversationId, message.id);
  return [{ conversationId: message.conversationId, messageId: message.id }];
}

/** The list's preview follows an edit or revoke of the conversation's latest message. */
async function refreshPreview(tx: Tx, conversationId: string, messageId: string) {
  const latest = await tx.message.findFirst({
    where: { conversationId, direction: { not: "internal" } },
    orderBy: [{ sentAt: "desc" }, { id: "desc" }],
    select: { id: true, type: true, body: true, mediaFileName: true, revokedAt: true },
  });
  if (latest?.id !== messageId) return;
  const preview = latest.revokedAt
    ? { kind: "revoked" as const, text: null }
    : previewOf(latest.type, latest.body, latest.mediaFileName);
  await tx.conversation.update({
    where: { id: conversationId },
    data: { lastMessagePreview: preview.text, lastMessageKind: preview.kind },
  });
}
