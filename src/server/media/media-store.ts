import type { Readable } from "node:stream";
import { AppError } from "../errors";

/** One stored attachment, streamed back. */
export interface StoredMedia {
  body: Readable;
  /** Bytes. */
  size: number;
  contentType?: string;
}

/**
 * Where message attachments are kept: files under a folder (local-media-store) or an S3-compatible
 * bucket (s3-media-store); `mediaStore()` in ./index picks one from settings. Keys are usually
 * content-addressed (see media-key), so putting the same key twice is harmless.
 */
export interface MediaStore {
  /** Stores `bytes` under `key`, replacing what was there; once it resolves, `get(key)` returns them. */
  put(key: string, bytes: Buffer, options: { contentType: string }): Promise<void>;
  /** The bytes under `key`, or null when there are none. */
  get(key: string): Promise<StoredMedia | null>;
  /** Removes `key`; nothing happens when it is absent. */
  delete(key: string): Promise<void>;
}

const MAX_KEY_LENGTH = 512;
// Every segment starts with a letter or digit, so "." / ".." and hidden (temporary) files never match.
const KEY_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._=-]*$/;

/** Whether `key` is a safe media key: `/`-separated segments of letters, digits, `.`, `_`, `=` and `-`. */
export function isValidMediaKey(key: string): boolean {
  return key.length > 0 && key.length <= MAX_KEY_LENGTH && key.split("/").every((segment) => KEY_SEGMENT.test(segment));
}

/** Throws unless `key` is safe to use as a path or object name (no traversal, no absolute paths). */
export function assertValidMediaKey(key: string): void {
  if (!isValidMediaKey(key)) {
    throw new AppError("BAD_REQUEST", "invalidMediaKey", { details: { key: key.slice(0, 600) } });
  }
}
