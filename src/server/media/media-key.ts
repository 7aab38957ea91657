import { createHash } from "node:crypto";
import { isValidMediaKey } from "./media-store";

/** Lowercase hex SHA-256 of `bytes`. */
export function sha256Hex(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * The content-addressed key of an attachment: `<organizationId>/<sha256 hex of the bytes>`. The same
 * bytes in one organization always get the same key, so storing them again is idempotent; and keys
 * never cross organizations.
 */
export function mediaKey(organizationId: string, bytes: Buffer): string {
  const key = `${organizationId}/${sha256Hex(bytes)}`;
  if (organizationId.includes("/") || !isValidMediaKey(key)) {
    throw new Error(`Organization id ${JSON.stringify(organizationId)} cannot be part of a media key.`);
  }
  return key;
}

const MEDIA_KEY = /^([A-Za-z0-9][A-Za-z0-9._=-]*)\/([0-9a-f]{64})$/;

/** The parts of a key made by mediaKey, or null for anything else. */
export function parseMediaKey(key: string): { organizationId: string; sha256: string } | null {
  const match = MEDIA_KEY.exec(key);
  return match ? { organizationId: match[1]!, sha256: match[2]! } : null;
}
