import type { Prisma } from "../../db/client";
import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { enqueue } from "../../jobs/enqueue";
import { isRetryableMediaFailure, mediaFailureOf } from "../../../shared/media-failure";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { emitMessageChanges } from "./emit-message-changes";

/** Only a received attachment whose download failed is fetched again; a refused size would be refused again. */
export function mediaRetryable(message: {
  direction: string;
  providerMessageId: string | null;
  mediaStatus: string | null;
  mediaFailure: string | null;
}): boolean {
  const failure = mediaFailureOf(message.mediaFailure);
  return (
    message.direction === "inbound" &&
    !!message.providerMessageId &&
    message.mediaStatus === "failed" &&
    failure !== null &&
    isRetryableMediaFailure(failure)
  );
}

const retryableWhere = (organizationId: string, messageId: string): Prisma.MessageWhereInput => ({
  id: messageId,
  organizationId,
  direction: "inbound",
  providerMessageId: { not: null },
  mediaStatus: "failed",
  mediaFailure: { in: ["provider_refused", "download_failed"] },
});

/**
 * A member asks for a failed attachment again: back to pending with a new media.fetch job, in one
 * transaction. Idempotent: asking while the download is pending (or once it is stored) changes nothing
 * and queues nothing, so a double click or two members at once cost one download.
 */
export async function retryMessageMedia(
  actor: Actor,
  input: { messageId: string },
): Promise<{ mediaStatus: "pending" | "stored" }> {
  const outcome = await withOrganization(actor.organizationId, async (tx) => {
    // The conditional update is the claim: of two concurrent retries only one finds the row failed.
    const retried = await tx.message.updateMany({
      where: retryableWhere(actor.organizationId, input.messageId),
      data: { mediaStatus: "pending", mediaFailure: null },
    });
    const message = await tx.message.findFirst({
      where: { id: input.messageId, organizationId: actor.organizationId },
      select: { id: true, conversationId: true, mediaStatus: true },
    });
    if (!message?.mediaStatus) throw new AppError("NOT_FOUND", "mediaNotFound");
    const mediaStatus = message.mediaStatus;
    if (mediaStatus !== "pending" && mediaStatus !== "stored") throw new AppError("CONFLICT", "mediaNotRetryable");
    if (retried.count === 1) {
      await enqueue("media.fetch", { organizationId: actor.organizationId, messageId: message.id }, { tx });
      // Only the retry that changed something is recorded; a second click finds it pending and writes nothing.
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        action: "message.media_retried",
        targetType: "message",
        targetId: message.id,
        metadata: { conversationId: message.conversationId },
      });
    }
    return { message, mediaStatus, queued: retried.count === 1 };
  });
  if (outcome.queued)
    await emitMessageChanges(actor.organizationId, [
      { conversationId: outcome.message.conversationId, messageId: outcome.message.id },
    ]);
  return { mediaStatus: outcome.mediaStatus };
}
