import type { MemberRole } from "./roles";

export interface MemberDto {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  role: MemberRole;
  joinedAt: Date;
  disabled: boolean;
}

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
