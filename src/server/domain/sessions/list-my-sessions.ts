import { withUser } from "../../db/tenant";
import type { Actor } from "../members/actor";
import type { listMySessionsOutput } from "./session-outputs";
import type { z } from "../../../shared/zod";

/** The person's active sessions in every organization, most recently seen first. */
export async function listMySessions(actor: Actor): Promise<z.infer<typeof listMySessionsOutput>> {
  const sessions = await withUser(actor.userId, (tx) =>
    tx.userSession.findMany({
      where: { userId: actor.userId, revokedAt: null, expiresAt: { gt: new Date() } },
      orderBy: { lastSeenAt: "desc" },
    }),
  );
  return sessions.map((s) => ({
    sessionId: s.id,
    userAgent: s.userAgent,
    ip: s.ip,
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    current: s.id === actor.sessionId,
  }));
}
