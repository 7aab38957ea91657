import { withUser } from "../../db/tenant";

/** last_seen_at is refreshed at most this often, so a busy page does not write on every request. */
const TOUCH_EVERY_MS = 60_000;

/**
 * True while the session named by a JWT is active for this person: not revoked, not expired. Called on
 * every request and socket handshake, so revocation takes effect at once whatever the token says.
 */
export async function isSessionActive(sessionId: string, userId: string): Promise<boolean> {
  return withUser(userId, async (tx) => {
    const now = new Date();
    const session = await tx.userSession.findFirst({
      where: { id: sessionId, userId, revokedAt: null, expiresAt: { gt: now } },
      select: { lastSeenAt: true },
    });
    if (!session) return false;
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await tx.userSession.update({ where: { id: sessionId }, data: { lastSeenAt: now } });
    }
    return true;
  });
}
