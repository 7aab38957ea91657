import type { Readable } from "node:stream";
import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { mediaStore } from "../../media";
import type { Actor } from "../members/actor";

export interface MessageMedia {
  body: Readable;
  size: number;
  mimeType: string;
  fileName: string | null;
}

/**
 * A message's attachment for a member of its organization. There is no public URL: the message id
 * is checked under the member's organization (RLS), and the bytes come from the store by their key.
 */
export async function readMessageMedia(actor: Actor, input: { messageId: string }): Promise<MessageMedia> {
  const message = await withOrganization(actor.organizationId, (tx) =>
    tx.message.findFirst({
      where: { id: input.messageId, organizationId: actor.organizationId },
      select: { mediaKey: true, mediaStatus: true, mediaMimeType: true, mediaFileName: true },
    }),
  );
  if (!message?.mediaKey || message.mediaStatus !== "stored") throw new AppError("NOT_FOUND", "mediaNotFound");
  const stored = await mediaStore().get(message.mediaKey);
  if (!stored) throw new AppError("NOT_FOUND", "mediaNotInStorage");
  return {
    body: stored.body,
    size: stored.size,
    mimeType: message.mediaMimeType ?? stored.contentType ?? "application/octet-stream",
    fileName: message.mediaFileName,
  };
}
