import { withUser } from "../../db/tenant";

/** Records the organization a session switched to (removing a member ends the sessions open in it). */
export async function moveSession(sessionId: string, userId: string, organizationId: string): Promise<void> {
  await withUser(userId, (tx) =>
    tx.userSession.updateMany({ where: { id: sessionId, userId, revokedAt: null }, data: { organizationId } }),
  );
}
