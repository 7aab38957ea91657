import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { hashPassword, verifyPassword } from "../auth/password";
import type { Actor } from "../members/actor";
import { disconnectSessions, endOtherSessionsAfter } from "../sessions/end-sessions";

/**
 * Changes the person's password after checking the current one, and ends their other sessions (a thief
 * holding the old password's session loses it). The session making the change stays signed in.
 */
export async function changePassword(
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
): Promise<{ endedSessions: number }> {
  const ended = await withOrganization(
    actor.organizationId,
    async (tx) => {
      const user = await tx.user.findUniqueOrThrow({ where: { id: actor.userId } });
      if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
        throw new AppError("VALIDATION", "currentPasswordIncorrect", {
          fieldErrors: { currentPassword: [{ reason: "currentPasswordIncorrect" }] },
        });
      }
      await tx.user.update({
        where: { id: actor.userId },
        data: { passwordHash: await hashPassword(input.newPassword), mustChangePassword: false },
      });
      return endOtherSessionsAfter(tx, actor, "account.password_changed");
    },
    { asUserId: actor.userId },
  );
  await disconnectSessions(ended);
  return { endedSessions: ended.length };
}
