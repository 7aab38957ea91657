import { randomBytes } from "node:crypto";
import { sha256Hex } from "../../crypto/secret-box";

export const RECOVERY_CODE_COUNT = 10;

/** Ten codes like `k3fq-7hzp-2mwd`: 60 random bits each, no look-alike characters. */
export function newRecoveryCodes(): string[] {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from(randomBytes(12), (b) => alphabet[b % alphabet.length]).join("");
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

/** The stored form: codes are random, so a plain SHA-256 of the normalised code is enough. */
export function recoveryCodeHash(code: string): string {
  return sha256Hex(
    code
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]/g, ""),
  );
}
