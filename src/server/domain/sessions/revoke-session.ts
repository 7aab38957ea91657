import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { disconnectSessions, revokeSessionsWhere } from "./end-sessions";

/**
 * Ends one of the person's own sessions (any organization), or all but the current one. Idempotent: an
 * already ended session counts zero.
 */
export async function revokeMySessions(
  actor: Actor,
  input: { sessionId: string } | { allButCurrent: true },
): Promise<{ revoked: number }> {
  if ("sessionId" in input && input.sessionId === actor.sessionId) {
    throw new AppError("CONFLICT", "cannotRevokeCurrentSession");
  }
  const where =
    "sessionId" in input
      ? { id: input.sessionId, userId: actor.userId }
      : { userId: actor.userId, ...(actor.sessionId ? { id: { not: actor.sessionId } } : {}) };
  // As the person too: their own policy covers sessions opened in their other organizations.
  const revoked = await withOrganization(
    actor.organizationId,
    async (tx) => {
      const ids = await revokeSessionsWhere(tx, where);
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        action: "session.revoked",
        targetType: "session",
        targetId: "sessionId" in input ? input.sessionId : undefined,
        metadata: { count: ids.length, allButCurrent: !("sessionId" in input) },
      });
      return ids;
    },
    { asUserId: actor.userId },
  );
  await disconnectSessions(revoked);
  return { revoked: revoked.length };
}
