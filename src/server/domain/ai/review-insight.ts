import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import type { AiSentiment } from "../../../shared/ai-labels";
import { recordAudit } from "../audit/record-audit";
import { emitMessageChanges } from "../messages/emit-message-changes";
import type { Actor } from "../members/actor";

/**
 * An agent's one-click verdict on a message's sentiment and label: the machine's own values confirm
 * it, anything else corrects it. The machine's values are kept, so accuracy can be measured.
 */
export async function reviewInsight(
  actor: Actor,
  input: { messageId: string; sentiment: AiSentiment; label: string | null },
): Promise<{ review: "confirmed" | "corrected" }> {
  const { conversationId, review } = await withOrganization(actor.organizationId, async (tx) => {
    const insight = await tx.messageInsight.findFirst({
      where: { messageId: input.messageId, organizationId: actor.organizationId },
      select: { sentiment: true, label: true, message: { select: { conversationId: true } } },
    });
    if (!insight) throw new AppError("NOT_FOUND", "insightNotFound");
    if (input.label !== null) {
      const { aiLabels } = await tx.organization.findUniqueOrThrow({
        where: { id: actor.organizationId },
        select: { aiLabels: true },
      });
      if (!aiLabels.includes(input.label)) throw new AppError("BAD_REQUEST", "unknownLabel");
    }
    const review: "confirmed" | "corrected" =
      input.sentiment === insight.sentiment && input.label === insight.label ? "confirmed" : "corrected";
    await tx.messageInsight.update({
      where: { messageId: input.messageId },
      data: {
        review,
        reviewedSentiment: input.sentiment,
        reviewedLabel: input.label,
        reviewedByUserId: actor.userId,
        reviewedAt: new Date(),
      },
    });
    await tx.message.update({ where: { id: input.messageId }, data: { updatedAt: new Date() } });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: `message_insight.${review}`,
      targetType: "message",
      targetId: input.messageId,
      metadata: {
        machine: { sentiment: insight.sentiment, label: insight.label },
        agent: { sentiment: input.sentiment, label: input.label },
      },
    });
    return { conversationId: insight.message.conversationId, review };
  });
  await emitMessageChanges(actor.organizationId, [{ conversationId, messageId: input.messageId }]);
  return { review };
}
