import type { Tx } from "../../db/tenant";
import { AppError } from "../../errors";

/** A conversation of the organization, or NOT_FOUND (also for another organization's id). */
export async function loadConversation(tx: Tx, organizationId: string, conversationId: string) {
  const conversation = await tx.conversation.findFirst({ where: { id: conversationId, organizationId } });
  if (!conversation) throw new AppError("NOT_FOUND", "conversationNotFound");
  return conversation;
}
