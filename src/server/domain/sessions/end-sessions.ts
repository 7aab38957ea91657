import type { Prisma } from "../../db/client";
import type { Tx } from "../../db/tenant";
import { disconnectRoom } from "../../realtime/emitter";
import { logger } from "../../logger";
import { recordAudit } from "../audit/record-audit";
import { sessionRoom } from "../../../shared/realtime";

/** Marks matching active sessions revoked inside the caller's transaction; returns their ids. */
export async function revokeSessionsWhere(tx: Tx, where: Prisma.UserSessionWhereInput): Promise<string[]> {
  const sessions = await tx.userSession.findMany({ where: { ...where, revokedAt: null }, select: { id: true } });
  if (sessions.length === 0) return [];
  const ids = sessions.map((s) => s.id);
  await tx.userSession.updateMany({ where: { id: { in: ids } }, data: { revokedAt: new Date() } });
  return ids;
}

/**
 * Closes the open Socket.IO connections of revoked sessions in every web process. Call after commit; a
 * failure is only logged, since the next handshake of a revoked session is refused anyway.
 */
export async function disconnectSessions(sessionIds: readonly string[]): Promise<void> {
  for (const id of sessionIds) {
    await disconnectRoom(sessionRoom(id)).catch((error: unknown) =>
      logger.warn({ err: error, sessionId: id }, "could not disconnect a revoked session's sockets"),
    );
  }
}

/**
 * After a change to how the person signs in (password, second factor): ends their other sessions, opened
 * under the old terms, and records the change with how many ended. The acting session stays.
 */
export async function endOtherSessionsAfter(
  tx: Tx,
  actor: { organizationId: string; userId: string; sessionId?: string },
  action: string,
): Promise<string[]> {
  const ids = await revokeSessionsWhere(tx, {
    userId: actor.userId,
    ...(actor.sessionId ? { id: { not: actor.sessionId } } : {}),
  });
  await recordAudit(tx, {
    organizationId: actor.organizationId,
    actorUserId: actor.userId,
    action,
    targetType: "user",
    targetId: actor.userId,
    metadata: { endedSessions: ids.length },
  });
  return ids;
}
