import type { Tx } from "../../db/tenant";
import { newLinkToken } from "../auth/link-token";

/** A link asked for by e-mail lasts an hour; one an admin hands over by hand, a day. */
export const EMAILED_RESET_TTL_MINUTES = 60;
export const ISSUED_RESET_TTL_MINUTES = 24 * 60;

/** Stores a new reset link for the person (its hash only) and returns the token for the link. */
export async function createResetToken(
  tx: Tx,
  input: { userId: string; requestedByUserId: string | null; ttlMinutes: number },
): Promise<{ token: string; expiresAt: Date }> {
  const { token, tokenHash } = newLinkToken();
  const expiresAt = new Date(Date.now() + input.ttlMinutes * 60_000);
  await tx.passwordReset.create({
    data: { userId: input.userId, tokenHash, requestedByUserId: input.requestedByUserId, expiresAt },
  });
  return { token, expiresAt };
}
