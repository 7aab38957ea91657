import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import { generatePassword, hashPassword } from "../auth/password";
import { normalizeEmail } from "../auth/verify-credentials";
import type { Actor } from "./actor";
import { toMemberDto } from "./member-dto";
import { canAssignRole, type MemberRole } from "./roles";
import type { addMemberOutput } from "./member-outputs";
import type { z } from "../../../shared/zod";

export interface AddMemberInput {
  name: string;
  email: string;
  role: MemberRole;
}

export type AddMemberResult = z.infer<typeof addMemberOutput>;

/**
 * Adds a person to the organization. A new e-mail gets an account with a temporary password the
 * admin hands over; an existing account (member of another organization) is simply added.
 */
export async function addMember(actor: Actor, input: AddMemberInput): Promise<AddMemberResult> {
  if (!canAssignRole(actor.role, input.role)) {
    throw new AppError("FORBIDDEN", "roleNotGrantable");
  }
  const email = normalizeEmail(input.email);
  const temporaryPassword = generatePassword();
  const passwordHash = await hashPassword(temporaryPassword);

  return withOrganization(actor.organizationId, async (tx) => {
    const existingUser = await tx.user.findUnique({ where: { email } });
    if (existingUser) {
      const already = await tx.membership.findUnique({
        where: { organizationId_userId: { organizationId: actor.organizationId, userId: existingUser.id } },
      });
      if (already) {
        throw new AppError("CONFLICT", "alreadyMember", {
          fieldErrors: { email: [{ reason: "alreadyMember" }] },
        });
      }
    }
    const user =
      existingUser ??
      (await tx.user.create({ data: { email, name: input.name.trim(), passwordHash, mustChangePassword: true } }));
    const membership = await tx.membership.create({
      data: { organizationId: actor.organizationId, userId: user.id, role: input.role },
      include: { user: { select: { id: true, name: true, email: true, disabledAt: true } } },
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "member.added",
      targetType: "membership",
      targetId: membership.id,
      metadata: { email, role: input.role, newAccount: !existingUser },
    });
    return { member: toMemberDto(membership), temporaryPassword: existingUser ? null : temporaryPassword };
  });
}
