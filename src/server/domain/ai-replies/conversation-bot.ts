import { withOrganization } from "../../db/tenant";
import { isBotPauseReason } from "../../../shared/auto-reply";
import type { z } from "../../../shared/zod";
import { recordAudit } from "../audit/record-audit";
import { emitConversationUpdated } from "../conversations/emit-conversation-updated";
import { loadConversation } from "../conversations/load-conversation";
import type { Actor } from "../members/actor";
import type { conversationBotOutput } from "./ai-replies-outputs";

/** The bot in one conversation: paused or not (and why), and its recent decisions, drafts first to act on. */
export async function getConversationBot(
  actor: Actor,
  input: { conversationId: string },
): Promise<z.infer<typeof conversationBotOutput>> {
  return withOrganization(actor.organizationId, async (tx) => {
    const conversation = await loadConversation(tx, actor.organizationId, input.conversationId);
    const replies = await tx.aiAutoReply.findMany({
      where: { conversationId: conversation.id },
      orderBy: { createdAt: "desc" },
      take: 10,
      select: { id: true, status: true, body: true, reason: true, createdAt: true },
    });
    const settings = await tx.aiAutoReplySettings.findUnique({
      where: { instanceId: conversation.instanceId },
      select: { enabled: true },
    });
    const reason = conversation.botPauseReason;
    return {
      enabled: settings?.enabled ?? false,
      pausedAt: conversation.botPausedAt,
      pauseReason: reason && isBotPauseReason(reason) ? reason : null,
      replies,
    };
  });
}

/** An agent hands the conversation back to the bot. */
export async function resumeBot(actor: Actor, input: { conversationId: string }): Promise<void> {
  await withOrganization(actor.organizationId, async (tx) => {
    const conversation = await loadConversation(tx, actor.organizationId, input.conversationId);
    if (!conversation.botPausedAt) return;
    await tx.conversation.update({ where: { id: conversation.id }, data: { botPausedAt: null, botPauseReason: null } });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "ai_auto_reply.resumed",
      targetType: "conversation",
      targetId: conversation.id,
      metadata: { pauseReason: conversation.botPauseReason },
    });
  });
  await emitConversationUpdated(actor.organizationId, input.conversationId);
}
