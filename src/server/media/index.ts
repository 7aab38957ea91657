import { env, type MediaSettings } from "../../env";
import { LocalMediaStore } from "./local-media-store";
import type { MediaStore } from "./media-store";
import { S3MediaStore } from "./s3-media-store";

export type { MediaStore, StoredMedia } from "./media-store";
export { assertValidMediaKey, isValidMediaKey } from "./media-store";
export { mediaKey, parseMediaKey, sha256Hex } from "./media-key";
export { checkMedia, mediaKind, normaliseMimeType, type MediaCheck, type MediaKind } from "./media-limits";

/** The store `settings` describe. */
export function createMediaStore(settings: MediaSettings): MediaStore {
  return settings.store === "s3" ? new S3MediaStore(settings.s3) : new LocalMediaStore(settings.dir);
}

let cached: MediaStore | undefined;
/** The process's media store, from MEDIA_STORE and the settings next to it. */
export function mediaStore(): MediaStore {
  cached ??= createMediaStore(env().media);
  return cached;
}

/** The whole stored object, or null when it is gone (attachments are small: WhatsApp caps them). */
export async function readMediaBytes(key: string): Promise<Buffer | null> {
  const stored = await mediaStore().get(key);
  if (!stored) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of stored.body) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}
