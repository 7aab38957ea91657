import type { MemberRole } from "./roles";
import type { memberOutput } from "./member-outputs";
import type { z } from "../../../shared/zod";

export type MemberDto = z.infer<typeof memberOutput>;

export function toMemberDto(row: {
  id: string;
  role: MemberRole;
  createdAt: Date;
  user: { id: string; name: string; email: string; disabledAt: Date | null };
}): MemberDto {
  return {
    membershipId: row.id,
    userId: row.user.id,
    name: row.user.name,
    email: row.user.email,
    role: row.role,
    joinedAt: row.createdAt,
    disabled: row.user.disabledAt !== null,
  };
}
