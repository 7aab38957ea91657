import { withOrganization, type Tx } from "../../db/tenant";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "./actor";
import { toMemberDto, type MemberDto } from "./member-dto";
import { canAssignRole, type MemberRole } from "./roles";

/** Loads a membership of the actor's organization, refusing changes the actor's role does not allow. */
export async function loadManageableMembership(tx: Tx, actor: Actor, membershipId: string) {
  const membership = await tx.membership.findFirst({
    where: { id: membershipId, organizationId: actor.organizationId },
    include: { user: { select: { id: true, name: true, email: true, disabledAt: true } } },
  });
  if (!membership) throw new AppError("NOT_FOUND", "memberNotFound");
  if (!canAssignRole(actor.role, membership.role)) {
    throw new AppError("FORBIDDEN", "onlyOwnerChangesOwner");
  }
  return membership;
}

/** Refuses a change that would leave the organization without an owner. */
export async function assertOwnerRemains(tx: Tx, organizationId: string, leavingMembershipId: string) {
  // Lock the owners' rows: two owners demoting each other at once must not both pass the count.
  await tx.$queryRaw`SELECT id FROM memberships WHERE organization_id = ${organizationId}::uuid AND role = 'owner' FOR UPDATE`;
  const owners = await tx.membership.count({
    where: { organizationId, role: "owner", id: { not: leavingMembershipId } },
  });
  if (owners === 0) {
    throw new AppError("CONFLICT", "lastOwner");
  }
}

export async function changeMemberRole(
  actor: Actor,
  input: { membershipId: string; role: MemberRole },
): Promise<MemberDto> {
  if (!canAssignRole(actor.role, input.role)) {
    throw new AppError("FORBIDDEN", "roleNotGrantable");
  }
  return withOrganization(actor.organizationId, async (tx) => {
    const membership = await loadManageableMembership(tx, actor, input.membershipId);
    if (membership.role === input.role) return toMemberDto(membership);
    if (membership.role === "owner") await assertOwnerRemains(tx, actor.organizationId, membership.id);
    const updated = await tx.membership.update({
      where: { id: membership.id },
      data: { role: input.role },
      include: { user: { select: { id: true, name: true, email: true, disabledAt: true } } },
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "member.role_changed",
      targetType: "membership",
      targetId: membership.id,
      metadata: { from: membership.role, to: input.role },
    });
    return toMemberDto(updated);
  });
}
