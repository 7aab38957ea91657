import type { MemberRole } from "../../db/generated/enums";

export type { MemberRole };

const rank: Record<MemberRole, number> = { agent: 1, admin: 2, owner: 3 };

export function roleAtLeast(role: MemberRole, minimum: MemberRole): boolean {
  return rank[role] >= rank[minimum];
}

/** Admins and owners: who may configure the organization. The one definition of "admin" (pages, tRPC, domain). */
export function isAdminRole(role: MemberRole): boolean {
  return roleAtLeast(role, "admin");
}

/** Admins manage agents and admins; only owners hand out or take away ownership. */
export function canAssignRole(actor: MemberRole, target: MemberRole): boolean {
  return target === "owner" ? actor === "owner" : roleAtLeast(actor, "admin");
}
