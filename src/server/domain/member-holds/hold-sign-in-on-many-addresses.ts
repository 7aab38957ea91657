import { env } from "../../../env";
import { withOrganization, withUser } from "../../db/tenant";
import { AppError } from "../../errors";
import { emitToOrganization } from "../../realtime/emitter";
import { disconnectSessions, revokeSessionsWhere } from "../sessions/end-sessions";
import { activeHoldWhere } from "./active-member-hold";
import { placeMemberHold } from "./place-member-hold";

const held = () => new AppError("FORBIDDEN", "signInHeld");

/**
 * Called once the password (and second factor) are right, before the session opens. An account held for
 * sign-ins is refused. Otherwise the distinct addresses of its sessions opened in the window, this one
 * included, are counted; past the limit the account is held in every organization it belongs to (alert and
 * audit in each), its open sessions are ended, and this sign-in is refused: a stolen password used from
 * many places stops here, and the member signs in again only once an admin confirms it was them. Sessions
 * from before the last hold are not counted again, so a confirmed burst does not hold the account at once.
 */
export async function holdSignInOnManyAddresses(input: { userId: string; ip: string }): Promise<void> {
  const settings = env();
  const now = new Date();
  const windowStart = new Date(now.getTime() - settings.SIGN_IN_IP_WINDOW_MINUTES * 60_000);
  const seen = await withUser(input.userId, async (tx) => {
    const signInHolds = { userId: input.userId, kind: "sign_in" };
    if (await tx.memberHold.findFirst({ where: { ...signInHolds, ...activeHoldWhere(now) }, select: { id: true } }))
      return null;
    const last = await tx.memberHold.findFirst({
      where: signInHolds,
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    });
    const since = last && last.createdAt > windowStart ? last.createdAt : windowStart;
    const sessions = await tx.userSession.findMany({
      where: { userId: input.userId, createdAt: { gt: since } },
      distinct: ["ip"],
      select: { ip: true },
    });
    const memberships = await tx.membership.findMany({
      where: { userId: input.userId },
      select: { organizationId: true },
    });
    const addresses = new Set([...sessions.map((s) => s.ip ?? "unknown"), input.ip]);
    return { addresses: addresses.size, organizationIds: memberships.map((m) => m.organizationId) };
  });
  if (!seen) throw held();
  if (seen.addresses <= settings.SIGN_IN_MAX_DISTINCT_IPS) return;
  const ended: string[] = [];
  for (const organizationId of seen.organizationIds) {
    const notificationId = await withOrganization(organizationId, async (tx) => {
      ended.push(...(await revokeSessionsWhere(tx, { userId: input.userId, organizationId })));
      return placeMemberHold(tx, {
        organizationId,
        userId: input.userId,
        kind: "sign_in",
        observed: seen.addresses,
        threshold: settings.SIGN_IN_MAX_DISTINCT_IPS,
        windowMinutes: settings.SIGN_IN_IP_WINDOW_MINUTES,
      });
    });
    if (notificationId) await emitToOrganization(organizationId, "alert.notified", { notificationId });
  }
  await disconnectSessions(ended);
  throw held();
}
