import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { mediaStore } from "../../media";
import { mediaKey } from "../../media/media-key";
import { checkMedia } from "../../media/media-limits";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";

export interface UploadedMedia {
  key: string;
  mimeType: string;
  fileName: string;
  size: number;
}

/** Keeps a file chosen in the composer; the reply then names it by key. Type and size are checked here. */
export async function uploadMedia(
  actor: Actor,
  input: { bytes: Buffer; mimeType: string; fileName: string },
): Promise<UploadedMedia> {
  const check = checkMedia({ mimeType: input.mimeType, size: input.bytes.length });
  if (!check.ok) throw new AppError("BAD_REQUEST", check.error.reason, { params: check.error.params });
  const key = mediaKey(actor.organizationId, input.bytes);
  await mediaStore().put(key, input.bytes, { contentType: check.mimeType });
  // The key is the content's hash in this organization: the entry names what was stored, not the file's name.
  await withOrganization(actor.organizationId, (tx) =>
    recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "media.uploaded",
      targetType: "media",
      targetId: key,
      metadata: { mimeType: check.mimeType, size: input.bytes.length },
    }),
  );
  return { key, mimeType: check.mimeType, fileName: input.fileName.slice(0, 255), size: input.bytes.length };
}
