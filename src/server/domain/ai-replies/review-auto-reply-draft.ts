import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import { emitConversationUpdated } from "../conversations/emit-conversation-updated";
import { emitMessageChanges } from "../messages/emit-message-changes";
import { writeOutboundMessage } from "../messages/write-outbound-message";
import type { Actor } from "../members/actor";
import { overDailyLimit } from "./run-auto-replies";
import { pauseBot } from "./pause-bot";

/**
 * An agent approves ("aprovar e enviar") or discards a "rascunho" reply. Approving sends the bot's text
 * through the normal pipeline (the contact's consent is checked again); deciding twice is a no-op.
 */
export async function reviewAutoReplyDraft(actor: Actor, input: { draftId: string; approve: boolean }): Promise<void> {
  const { organizationId } = actor;
  const outcome = await withOrganization(organizationId, async (tx) => {
    const [draft] = await tx.$queryRaw<{ id: string; conversation_id: string; status: string; body: string | null }[]>`
      SELECT id, conversation_id, status, body FROM ai_auto_replies
      WHERE id = ${input.draftId}::uuid AND organization_id = ${organizationId}::uuid FOR UPDATE`;
    if (!draft) throw new AppError("NOT_FOUND", "autoReplyDraftNotFound");
    if (draft.status !== "draft") return { conversationId: draft.conversation_id, messageId: null };
    const conversation = await tx.conversation.findUniqueOrThrow({
      where: { id: draft.conversation_id },
      select: {
        id: true,
        instanceId: true,
        contact: { select: { aiOptOut: true, consentStatus: true } },
        instance: { select: { dailySendLimit: true } },
      },
    });
    const contact = conversation.contact;
    const sendable =
      input.approve &&
      !!draft.body &&
      !!contact &&
      !contact.aiOptOut &&
      contact.consentStatus !== "opted_out" &&
      !(await overDailyLimit(tx, {
        instanceId: conversation.instanceId,
        dailySendLimit: conversation.instance.dailySendLimit,
      }));
    if (input.approve && !sendable) throw new AppError("CONFLICT", "autoReplyDraftNotSendable");
    let messageId: string | null = null;
    if (sendable) {
      const message = await writeOutboundMessage(tx, {
        organizationId,
        conversation,
        clientMessageId: `auto-reply:${draft.id}`,
        type: "text",
        body: draft.body,
        authorUserId: actor.userId,
      });
      messageId = message.id;
    } else {
      // Discarding the bot's answer means a person takes this one: the bot steps back here.
      await pauseBot(tx, conversation.id, "human_reply");
    }
    await tx.aiAutoReply.update({
      where: { id: draft.id },
      data: { status: sendable ? "approved" : "discarded", messageId, decidedByUserId: actor.userId },
    });
    await recordAudit(tx, {
      organizationId,
      actorUserId: actor.userId,
      action: sendable ? "ai_auto_reply.approved" : "ai_auto_reply.discarded",
      targetType: "conversation",
      targetId: conversation.id,
      metadata: { draftId: draft.id },
    });
    return { conversationId: conversation.id, messageId };
  });
  if (outcome.messageId)
    await emitMessageChanges(organizationId, [
      { conversationId: outcome.conversationId, messageId: outcome.messageId },
    ]);
  await emitConversationUpdated(organizationId, outcome.conversationId);
}
