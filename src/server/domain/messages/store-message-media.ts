import type { Tx } from "../../db/tenant";
import { enqueue } from "../../jobs/enqueue";
import { mediaStore } from "../../media";
import { mediaKey } from "../../media/media-key";
import { checkMedia } from "../../media/media-limits";
import type { MediaRef } from "../../whatsapp/provider";
import type { MediaFailure } from "../../../shared/media-failure";

/** Media of a new message: stored now when the webhook carried the bytes, else fetched by a job. */
export async function attachIncomingMedia(
  tx: Tx,
  input: { organizationId: string; messageId: string; media: MediaRef },
): Promise<void> {
  const { media } = input;
  if (!media.base64) {
    await enqueue("media.fetch", { organizationId: input.organizationId, messageId: input.messageId }, { tx });
    return;
  }
  await storeMessageMedia(tx, {
    organizationId: input.organizationId,
    messageId: input.messageId,
    bytes: Buffer.from(media.base64, "base64"),
    mimeType: media.mimeType ?? "application/octet-stream",
    fileName: media.fileName,
  });
}

/**
 * Keeps an attachment's bytes (content-addressed, so storing them again is harmless) and links them
 * to the message. What customers send is kept whatever its type (it is served as a download, never
 * rendered); only the size limit (or no bytes at all) refuses them, and the reason (a code) is shown in the conversation.
 */
export async function storeMessageMedia(
  tx: Tx,
  input: { organizationId: string; messageId: string; bytes: Buffer; mimeType: string; fileName: string | null },
): Promise<void> {
  const mimeType = input.mimeType.split(";")[0]!.trim().toLowerCase() || "application/octet-stream";
  const check = checkMedia({ mimeType, size: input.bytes.length });
  if (!check.ok && check.reason !== "tipo") {
    await tx.message.update({
      where: { id: input.messageId },
      data: {
        mediaStatus: "rejected",
        mediaFailure: (check.reason === "vazio" ? "empty" : "too_large") satisfies MediaFailure,
        mediaSize: input.bytes.length,
        mediaMimeType: mimeType,
      },
    });
    return;
  }
  const key = mediaKey(input.organizationId, input.bytes);
  await mediaStore().put(key, input.bytes, { contentType: mimeType });
  const stored = await tx.message.update({
    where: { id: input.messageId },
    select: { direction: true, type: true, transcript: true },
    data: {
      mediaKey: key,
      mediaStatus: "stored",
      mediaFailure: null,
      mediaSize: input.bytes.length,
      mediaMimeType: mimeType,
      ...(input.fileName ? { mediaFileName: input.fileName } : {}),
    },
  });
  // A voice note is transcribed once its bytes are here (the job decides whether the provider may hear it).
  if (stored.direction === "inbound" && (stored.type === "audio" || stored.type === "voice") && !stored.transcript)
    await enqueue("ai.transcribe", { organizationId: input.organizationId, messageId: input.messageId }, { tx });
}
