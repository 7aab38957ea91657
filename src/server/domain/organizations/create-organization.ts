import { randomUUID } from "node:crypto";
import { withOrganization } from "../../db/tenant";
import { recordAudit } from "../audit/record-audit";
import { hashPassword } from "../auth/password";
import { normalizeEmail } from "../auth/verify-credentials";

export interface CreateOrganizationInput {
  organizationName: string;
  owner: { name: string; email: string; password: string; mustChangePassword?: boolean };
  timezone?: string;
}

/** Creates an organization and its first owner (first start, tests, future sign-up). */
export async function createOrganization(input: CreateOrganizationInput) {
  const organizationId = randomUUID();
  const email = normalizeEmail(input.owner.email);
  const passwordHash = await hashPassword(input.owner.password);
  return withOrganization(organizationId, async (tx) => {
    const organization = await tx.organization.create({
      data: { id: organizationId, name: input.organizationName, timezone: input.timezone },
    });
    const user =
      (await tx.user.findUnique({ where: { email } })) ??
      (await tx.user.create({
        data: { email, name: input.owner.name, passwordHash, mustChangePassword: input.owner.mustChangePassword },
      }));
    const membership = await tx.membership.create({
      data: { organizationId, userId: user.id, role: "owner" },
    });
    await recordAudit(tx, {
      organizationId,
      actorUserId: user.id,
      action: "organization.created",
      targetType: "organization",
      targetId: organizationId,
    });
    return { organization, user, membership };
  });
}
