import type { Tx } from "../../db/tenant";
import type { BotPauseReason } from "../../../shared/auto-reply";

/**
 * Stops automatic replies in a conversation. The first reason stands: a handoff stays flagged for people
 * when an agent then replies. One statement, no read: cheap on every reply.
 */
export async function pauseBot(tx: Tx, conversationId: string, reason: BotPauseReason): Promise<void> {
  await tx.conversation.updateMany({
    where: { id: conversationId, botPausedAt: null },
    data: { botPausedAt: new Date(), botPauseReason: reason },
  });
}
