import { createHmac, timingSafeEqual } from "node:crypto";

export const alertSignatureHeader = "x-mirage-signature";
export const alertTimestampHeader = "x-mirage-timestamp";

/**
 * `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`, as Stripe and Slack sign: the timestamp is inside the
 * signature, so a receiver that rejects old timestamps cannot be fed a replayed delivery.
 */
export function signAlertWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export function alertWebhookSignatureMatches(
  secret: string,
  timestamp: number,
  body: string,
  presented: string,
): boolean {
  const expected = Buffer.from(signAlertWebhook(secret, timestamp, body));
  const given = Buffer.from(presented);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
