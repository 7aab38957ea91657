import { randomBytes } from "node:crypto";
import { env } from "../../../env";
import { sha256Hex } from "../../crypto/secret-box";

/**
 * A token for a link sent to one person (invitation, password reset): 256 random bits, URL-safe. Only its
 * SHA-256 is stored; it is random, so a plain hash is enough and lets the link be looked up.
 */
export function newLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: linkTokenHash(token) };
}

export function linkTokenHash(token: string): string {
  return sha256Hex(token.trim());
}

/** The absolute address of a page of this Mirage (APP_URL), for links that leave by e-mail or by hand. */
export function appLink(path: string): string {
  return `${env().APP_URL.replace(/\/+$/, "")}${path}`;
}
