import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "../../../env";

/** A person takes longer than this to read the wording and type a number; a script does not. */
export const OPT_IN_MIN_FILL_MS = 3_000;
/** A form left open longer than this is asked to reload (the wording may have changed). */
const OPT_IN_MAX_AGE_MS = 86_400_000;

function signature(formId: string, wordingVersion: number, issuedAt: number): string {
  return createHmac("sha256", env().AUTH_SECRET)
    .update(`opt-in:${formId}:${wordingVersion}:${issuedAt}`)
    .digest("base64url");
}

/** The signed token a rendered form carries: which form, which wording, and when it was shown. */
export function issueOptInFormToken(formId: string, wordingVersion: number, now = Date.now()): string {
  return `${now}.${signature(formId, wordingVersion, now)}`;
}

/**
 * Checks a posted form token: signed by this server for this form and wording, shown at least
 * OPT_IN_MIN_FILL_MS ago (too fast is a bot) and not stale.
 */
export function checkOptInFormToken(
  token: string,
  formId: string,
  wordingVersion: number,
  now = Date.now(),
): "ok" | "invalid" | "too_fast" | "expired" {
  const [issued, signed] = token.split(".");
  const issuedAt = Number(issued);
  if (!signed || !Number.isSafeInteger(issuedAt)) return "invalid";
  const expected = Buffer.from(signature(formId, wordingVersion, issuedAt));
  const given = Buffer.from(signed);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return "invalid";
  if (now - issuedAt < OPT_IN_MIN_FILL_MS) return "too_fast";
  if (now - issuedAt > OPT_IN_MAX_AGE_MS) return "expired";
  return "ok";
}
