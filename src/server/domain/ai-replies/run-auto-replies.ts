import { withOrganization, type Tx } from "../../db/tenant";
import { logger } from "../../logger";
import type { HandoffReason } from "../../../shared/auto-reply";
import { loadAiProvider } from "../ai/load-ai-provider";
import { providerFailureOf } from "../ai/provider-failure";
import { emitConversationUpdated } from "../conversations/emit-conversation-updated";
import { emitMessageChanges } from "../messages/emit-message-changes";
import { writeOutboundMessage } from "../messages/write-outbound-message";
import { autoReplyCandidate, type AutoReplyCandidate } from "./auto-reply-eligibility";
import { generateAutoReply, type AutoReplyDecision } from "./generate-auto-reply";
import { loadKnowledge } from "./knowledge-entries";
import { pauseBot } from "./pause-bot";
import { recentTurns } from "./recent-turns";

/**
 * The `ai.auto-reply` job of a webhook batch: for each inbound text the bot may answer, a typed decision
 * from the provider, checks in code, then a reply through the normal send pipeline, a draft waiting for
 * an agent ("rascunho"), or a handoff that flags the conversation for people and pauses the bot there.
 * Safe to run twice: one decision per inbound message.
 */
export async function runAutoReplies(input: { organizationId: string; messageIds: string[] }): Promise<void> {
  const { organizationId } = input;
  for (const messageId of input.messageIds) {
    const prepared = await withOrganization(organizationId, async (tx) => {
      const candidate = await autoReplyCandidate(tx, organizationId, messageId, new Date());
      if (!candidate) return null;
      return {
        candidate,
        provider: await loadAiProvider(tx, organizationId),
        keyword: matchedKeyword(candidate.text, candidate.settings.handoffKeywords),
        turns: await recentTurns(tx, candidate.conversationId),
        knowledge: await loadKnowledge(tx, organizationId),
      };
    });
    // Nothing to say without a provider: the local engine classifies, it does not write.
    if (!prepared || (!prepared.provider && !prepared.keyword)) continue;
    const { candidate, provider } = prepared;
    let decision: AutoReplyDecision;
    if (candidate.repliesSoFar >= candidate.settings.maxRepliesPerConversation)
      decision = { kind: "handoff", reason: "max_replies", confidence: null };
    else if (prepared.keyword || !provider) decision = { kind: "handoff", reason: "keyword", confidence: null };
    else {
      try {
        decision = await generateAutoReply({
          organizationId,
          contactId: candidate.contactId,
          conversationId: candidate.conversationId,
          turns: prepared.turns,
          knowledge: prepared.knowledge,
          blockedTopics: candidate.settings.blockedTopics,
          minConfidence: candidate.settings.minConfidence,
          customerText: candidate.text,
        });
      } catch (error) {
        // A failing provider leaves the customer to the people, like any other silence of the bot.
        logger.warn({ ...providerFailureOf(error), err: error, messageId }, "auto-reply not generated");
        continue;
      }
    }
    const sentMessageId = await withOrganization(organizationId, (tx) => recordDecision(tx, candidate, decision));
    if (sentMessageId)
      await emitMessageChanges(organizationId, [
        { conversationId: candidate.conversationId, messageId: sentMessageId },
      ]);
    await emitConversationUpdated(organizationId, candidate.conversationId);
  }
}

/** Writes the decision; returns the reply's message id when one was sent. */
async function recordDecision(
  tx: Tx,
  candidate: AutoReplyCandidate,
  decision: AutoReplyDecision,
): Promise<string | null> {
  // A person may have replied or taken the conversation while the model was thinking: they win.
  const [conversation] = await tx.$queryRaw<{ bot_paused_at: Date | null }[]>`
    SELECT bot_paused_at FROM conversations WHERE id = ${candidate.conversationId}::uuid FOR UPDATE`;
  if (!conversation || conversation.bot_paused_at) return null;
  const base = {
    organizationId: candidate.settings.organizationId,
    conversationId: candidate.conversationId,
    triggerMessageId: candidate.messageId,
  };
  const exists = await tx.aiAutoReply.findUnique({ where: { triggerMessageId: candidate.messageId } });
  if (exists) return null;
  if (decision.kind !== "reply") {
    const reason: HandoffReason = decision.kind === "rejected" ? "check_failed" : decision.reason;
    await tx.aiAutoReply.create({
      data: {
        ...base,
        status: decision.kind === "rejected" ? "rejected" : "handoff",
        body: decision.kind === "rejected" ? decision.body : null,
        reason: decision.kind === "rejected" ? decision.check : decision.reason,
        confidence: decision.confidence,
      },
    });
    await pauseBot(tx, candidate.conversationId, reason);
    return null;
  }
  if (candidate.settings.draftMode) {
    await tx.aiAutoReply.create({
      data: { ...base, status: "draft", body: decision.body, confidence: decision.confidence },
    });
    return null;
  }
  if (await overDailyLimit(tx, candidate)) {
    await tx.aiAutoReply.create({
      data: { ...base, status: "handoff", body: decision.body, reason: "send_limit", confidence: decision.confidence },
    });
    await pauseBot(tx, candidate.conversationId, "send_limit");
    return null;
  }
  const reply = await tx.aiAutoReply.create({
    data: { ...base, status: "sent", body: decision.body, confidence: decision.confidence },
    select: { id: true },
  });
  const message = await writeOutboundMessage(tx, {
    organizationId: base.organizationId,
    conversation: { id: candidate.conversationId, instanceId: candidate.instanceId },
    clientMessageId: `auto-reply:${reply.id}`,
    type: "text",
    body: decision.body,
    authorUserId: null,
  });
  await tx.aiAutoReply.update({ where: { id: reply.id }, data: { messageId: message.id } });
  return message.id;
}

/** The bot's replies count against the number's daily limit like every other send. */
export async function overDailyLimit(tx: Tx, target: { instanceId: string; dailySendLimit: number }): Promise<boolean> {
  const since = new Date(Date.now() - 24 * 3600_000);
  const sent = await tx.message.count({
    where: { instanceId: target.instanceId, direction: "outbound", createdAt: { gte: since } },
  });
  return sent >= target.dailySendLimit;
}

function matchedKeyword(text: string, keywords: readonly string[]): string | null {
  const words = ` ${fold(text).replace(/[^\p{L}\p{N}]+/gu, " ")} `;
  return keywords.find((keyword) => words.includes(` ${fold(keyword)} `)) ?? null;
}

function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .trim();
}
