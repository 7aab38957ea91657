import { pauseBot } from "../ai-replies/pause-bot";
import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { enqueue } from "../../jobs/enqueue";
import { recordAssignmentEvent, recordStatusChangeEvent } from "../analytics/record-conversation-events";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { emitConversationUpdated } from "./emit-conversation-updated";
import { loadConversation } from "./load-conversation";

/** Aberta / pendente / fechada. */
export async function setConversationStatus(
  actor: Actor,
  input: { conversationId: string; status: "open" | "pending" | "closed" },
): Promise<void> {
  await withOrganization(actor.organizationId, async (tx) => {
    const conversation = await loadConversation(tx, actor.organizationId, input.conversationId);
    if (conversation.status === input.status) return;
    const at = new Date();
    await tx.conversation.update({
      where: { id: conversation.id },
      data: { status: input.status, closedAt: input.status === "closed" ? at : null },
    });
    await recordStatusChangeEvent(tx, {
      organizationId: actor.organizationId,
      memberId: actor.userId,
      conversation,
      from: conversation.status,
      to: input.status,
      at,
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: `conversation.${input.status === "closed" ? "closed" : input.status === "open" ? "reopened" : "pending"}`,
      targetType: "conversation",
      targetId: conversation.id,
    });
    // Summarised once closed, by the worker: the agent's click does not wait for a model.
    if (input.status === "closed")
      await enqueue(
        "ai.summarize",
        { organizationId: actor.organizationId, conversationId: conversation.id },
        { tx, singletonKey: conversation.id },
      );
  });
  await emitConversationUpdated(actor.organizationId, input.conversationId);
}

/** Assigns to a member of the organization, or unassigns (null). */
export async function assignConversation(
  actor: Actor,
  input: { conversationId: string; assigneeId: string | null },
): Promise<void> {
  await withOrganization(actor.organizationId, async (tx) => {
    const conversation = await loadConversation(tx, actor.organizationId, input.conversationId);
    if (input.assigneeId) {
      const member = await tx.membership.findFirst({
        where: { organizationId: actor.organizationId, userId: input.assigneeId },
      });
      if (!member) throw new AppError("BAD_REQUEST", "assigneeNotMember");
    }
    if (conversation.assigneeId === input.assigneeId) return;
    await tx.conversation.update({ where: { id: conversation.id }, data: { assigneeId: input.assigneeId } });
    // A person took the conversation: the bot steps back there.
    if (input.assigneeId) await pauseBot(tx, conversation.id, "assigned");
    await recordAssignmentEvent(tx, {
      organizationId: actor.organizationId,
      conversation,
      assigneeId: input.assigneeId,
      byMemberId: actor.userId,
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "conversation.assigned",
      targetType: "conversation",
      targetId: conversation.id,
      metadata: { from: conversation.assigneeId, to: input.assigneeId },
    });
  });
  await emitConversationUpdated(actor.organizationId, input.conversationId);
}

/** The team has seen the conversation: unread count back to zero (read receipts go to WhatsApp by job). */
export async function markConversationRead(actor: Actor, input: { conversationId: string }): Promise<void> {
  const changed = await withOrganization(actor.organizationId, async (tx) => {
    const result = await tx.conversation.updateMany({
      where: { id: input.conversationId, organizationId: actor.organizationId, unreadCount: { gt: 0 } },
      data: { unreadCount: 0 },
    });
    if (result.count > 0) {
      await enqueue(
        "conversations.read-receipts",
        { organizationId: actor.organizationId, conversationId: input.conversationId },
        { tx, singletonKey: input.conversationId },
      );
      // Read receipts go to the contact on WhatsApp: who let them go is recorded (only when something was unread).
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        action: "conversation.marked_read",
        targetType: "conversation",
        targetId: input.conversationId,
      });
    }
    return result.count > 0;
  });
  if (changed) await emitConversationUpdated(actor.organizationId, input.conversationId);
}
