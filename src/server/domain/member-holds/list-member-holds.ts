import { withOrganization } from "../../db/tenant";
import type { MemberHoldDto } from "../../../shared/schemas/member-holds";
import type { Actor } from "../members/actor";
import { requireRole } from "../members/require-role";
import { activeHoldWhere } from "./active-member-hold";

/** The holds in force in the organization, newest first, with who is held, for admins to confirm. */
export async function listMemberHolds(actor: Actor): Promise<MemberHoldDto[]> {
  requireRole(actor, "admin");
  return withOrganization(actor.organizationId, async (tx) => {
    const holds = await tx.memberHold.findMany({
      where: { organizationId: actor.organizationId, ...activeHoldWhere(new Date()) },
      orderBy: { createdAt: "desc" },
      take: 100,
    });
    const users = await tx.user.findMany({
      where: { id: { in: holds.map((h) => h.userId) } },
      select: { id: true, name: true, email: true },
    });
    const byId = new Map(users.map((u) => [u.id, u]));
    return holds.map((hold) => ({
      id: hold.id,
      userId: hold.userId,
      memberName: byId.get(hold.userId)?.name ?? "",
      memberEmail: byId.get(hold.userId)?.email ?? "",
      kind: hold.kind as MemberHoldDto["kind"],
      observed: hold.observed,
      threshold: hold.threshold,
      windowMinutes: hold.windowMinutes,
      createdAt: hold.createdAt,
      expiresAt: hold.expiresAt,
      ownHold: hold.userId === actor.userId,
    }));
  });
}
