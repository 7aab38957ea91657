import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { logger } from "../../logger";
import { emitToOrganization } from "../../realtime/emitter";
import { whatsappProviderFor } from "../../whatsapp";
import { storeMessageMedia } from "./store-message-media";
import type { MediaFailure } from "../../../shared/media-failure";

/**
 * Fetches an attachment the webhook did not carry (getBase64FromMediaMessage) and stores it. Gateway
 * outages throw so the job retries; a refusal (message gone, not media) is recorded on the message as a
 * code, and a person may ask again (retry-message-media).
 */
export async function fetchMessageMedia(input: { organizationId: string; messageId: string }): Promise<void> {
  const message = await withOrganization(input.organizationId, (tx) =>
    tx.message.findFirst({
      where: { id: input.messageId, organizationId: input.organizationId },
      select: {
        id: true,
        conversationId: true,
        providerMessageId: true,
        mediaStatus: true,
        mediaMimeType: true,
        mediaFileName: true,
        instance: { select: { provider: true, providerName: true } },
      },
    }),
  );
  if (!message?.providerMessageId || message.mediaStatus !== "pending") return;

  let media;
  try {
    media = await whatsappProviderFor(message.instance).getMedia(
      message.instance.providerName,
      message.providerMessageId,
    );
  } catch (error) {
    if (error instanceof AppError && error.code === "UPSTREAM_UNAVAILABLE") throw error;
    logger.warn({ err: error, messageId: message.id }, "media could not be fetched");
    await withOrganization(input.organizationId, (tx) =>
      tx.message.update({
        where: { id: message.id },
        data: {
          mediaStatus: "failed",
          mediaFailure: failureOf(error),
        },
      }),
    );
    return;
  }
  await withOrganization(input.organizationId, (tx) =>
    storeMessageMedia(tx, {
      organizationId: input.organizationId,
      messageId: message.id,
      bytes: Buffer.from(media.base64, "base64"),
      mimeType: media.mimeType || message.mediaMimeType || "application/octet-stream",
      fileName: message.mediaFileName ?? media.fileName,
    }),
  );
  await emitToOrganization(input.organizationId, "message.changed", {
    conversationId: message.conversationId,
    messageId: message.id,
  });
}

/** Evolution answers 4xx when it cannot produce the bytes; anything else is a failed download. */
function failureOf(error: unknown): MediaFailure {
  return error instanceof AppError && (error.code === "BAD_REQUEST" || error.code === "NOT_FOUND")
    ? "provider_refused"
    : "download_failed";
}
