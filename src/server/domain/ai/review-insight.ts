import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import type { AiSentiment } from "../../../shared/ai-labels";
import { recordAudit } from "../audit/record-audit";
import { emitMessageChanges } from "../messages/emit-message-changes";
import type { Actor } from "../members/actor";
import { applyReviewedOptOut } from "./apply-reviewed-opt-out";

/**
 * An agent's one-click verdict on a message's sentiment and label: the machine's own values confirm
 * it, anything else corrects it. The machine's values are kept, so accuracy can be measured.
 */
export async function reviewInsight(
  actor: Actor,
  input: { messageId: string; sentiment: AiSentiment; label: string | null },
): Promise<{ review: "confirmed" | "corrected" }> {
  const { conversationId, review, optOutChanges } = await withOrganization(actor.organizationId, async (tx) => {
    const insight = await tx.messageInsight.findFirst({
      where: { messageId: input.messageId, organizationId: actor.organizationId },
      select: {
        sentiment: true,
        label: true,
        message: {
          select: {
            conversationId: true,
            instanceId: true,
            body: true,
            sentAt: true,
            direction: true,
            conversation: { select: { contactId: true } },
          },
        },
      },
    });
    if (!insight) throw new AppError("NOT_FOUND", "Classificação não encontrada.");
    if (input.label !== null) {
      const { aiLabels } = await tx.organization.findUniqueOrThrow({
        where: { id: actor.organizationId },
        select: { aiLabels: true },
      });
      if (!aiLabels.includes(input.label)) throw new AppError("BAD_REQUEST", "Rótulo desconhecido.");
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
    const message = insight.message;
    // An agent reading the message as a request to leave is the person's own request: it opts them out
    // as a confident AI label would (a consent choice recorded after the message still stands).
    const optOutChanges =
      input.label === "opt_out" && message.direction === "inbound" && message.conversation.contactId
        ? await applyReviewedOptOut(tx, {
            organizationId: actor.organizationId,
            instanceId: message.instanceId,
            conversationId: message.conversationId,
            contactId: message.conversation.contactId,
            messageId: input.messageId,
            text: message.body ?? "",
            sentAt: message.sentAt,
            reviewerUserId: actor.userId,
          })
        : [];
    return { conversationId: message.conversationId, review, optOutChanges };
  });
  await emitMessageChanges(actor.organizationId, [{ conversationId, messageId: input.messageId }, ...optOutChanges]);
  return { review };
}
