import type { Prisma } from "../../db/client";
import type { MemberHoldKind } from "./member-hold-limits";

/** Holds still in force: not confirmed, and not past a cool-down (only single-admin holds have one). */
export function activeHoldWhere(now: Date): Prisma.MemberHoldWhereInput {
  return { confirmedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
}

export function memberHoldWhere(
  member: { organizationId: string; userId: string },
  kind: MemberHoldKind,
  now = new Date(),
): Prisma.MemberHoldWhereInput {
  return { organizationId: member.organizationId, userId: member.userId, kind, ...activeHoldWhere(now) };
}
