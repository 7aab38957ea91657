import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { enqueue } from "../../jobs/enqueue";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { emitMessageChanges } from "./emit-message-changes";

/** A person retries a failed reply: back to pending with a new delivery job. Only failed replies qualify. */
export async function retryMessage(actor: Actor, input: { messageId: string }): Promise<void> {
  const message = await withOrganization(actor.organizationId, async (tx) => {
    const retried = await tx.message.updateMany({
      where: { id: input.messageId, organizationId: actor.organizationId, direction: "outbound", status: "failed" },
      data: { status: "pending", failureReason: null, sendClaimedAt: null },
    });
    if (retried.count === 0) throw new AppError("CONFLICT", "onlyFailedRetry");
    const row = await tx.message.findUniqueOrThrow({
      where: { id: input.messageId },
      select: { id: true, conversationId: true },
    });
    await enqueue("messages.send", { organizationId: actor.organizationId, messageId: row.id }, { tx });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "message.retried",
      targetType: "message",
      targetId: row.id,
    });
    return row;
  });
  await emitMessageChanges(actor.organizationId, [{ conversationId: message.conversationId, messageId: message.id }]);
}
