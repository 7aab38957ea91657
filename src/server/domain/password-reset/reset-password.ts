import { db } from "../../db/client";
import { withUser } from "../../db/tenant";
import { AppError } from "../../errors";
import { recordAuditForPerson } from "../audit/record-audit-for-person";
import { linkTokenHash } from "../auth/link-token";
import { hashPassword } from "../auth/password";
import { disconnectSessions, revokeSessionsWhere } from "../sessions/end-sessions";

/**
 * Sets a new password from a reset link. The link works once and until it expires; every session of the
 * person ends (sockets included), and any other reset link they hold dies with it. A second factor, if set,
 * is still asked at the next sign-in: a reset never bypasses it.
 */
export async function resetPassword(input: { token: string; newPassword: string }): Promise<{ endedSessions: number }> {
  const reset = await db().passwordReset.findUnique({ where: { tokenHash: linkTokenHash(input.token) } });
  if (!reset) throw new AppError("NOT_FOUND", "resetLinkInvalid");
  if (reset.usedAt) throw new AppError("CONFLICT", "resetLinkUsed");
  if (reset.expiresAt <= new Date()) throw new AppError("CONFLICT", "resetLinkExpired");
  const passwordHash = await hashPassword(input.newPassword);
  const ended = await withUser(reset.userId, async (tx) => {
    const now = new Date();
    const { count } = await tx.passwordReset.updateMany({
      where: { id: reset.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (count === 0) throw new AppError("CONFLICT", "resetLinkUsed");
    await tx.passwordReset.updateMany({ where: { userId: reset.userId, usedAt: null }, data: { usedAt: now } });
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash, mustChangePassword: false } });
    const ids = await revokeSessionsWhere(tx, { userId: reset.userId });
    await recordAuditForPerson(tx, reset.userId, {
      action: "password_reset.completed",
      metadata: { endedSessions: ids.length, issuedBy: reset.requestedByUserId },
    });
    return ids;
  });
  await disconnectSessions(ended);
  return { endedSessions: ended.length };
}
