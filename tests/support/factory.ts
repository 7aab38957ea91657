import { randomUUID } from "node:crypto";
import { createCaller } from "../../src/server/api/root";
import { createOrganization } from "../../src/server/domain/organizations/create-organization";
import { db } from "../../src/server/db/client";
import { withOrganization, withUser } from "../../src/server/db/tenant";
import { hashPassword } from "../../src/server/domain/auth/password";
import type { MemberRole } from "../../src/server/domain/members/roles";

export const TEST_PASSWORD = "correct-horse-battery";

export function uniqueEmail(prefix = "person"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.com`;
}

/** A fresh organization with an owner who can sign in with TEST_PASSWORD. */
export async function makeOrganization(name = `Org ${randomUUID().slice(0, 6)}`) {
  const email = uniqueEmail("owner");
  const { organization, user } = await createOrganization({
    organizationName: name,
    owner: { name: "Owner", email, password: TEST_PASSWORD },
  });
  return { organizationId: organization.id, ownerId: user.id, ownerEmail: email };
}

/** Adds a member with a known password directly (the admin flow generates one). */
export async function addMemberWithPassword(organizationId: string, role: MemberRole) {
  const email = uniqueEmail(role);
  const passwordHash = await hashPassword(TEST_PASSWORD);
  return withOrganization(organizationId, async (tx) => {
    const user = await tx.user.create({ data: { email, name: `${role} person`, passwordHash } });
    const membership = await tx.membership.create({ data: { organizationId, userId: user.id, role } });
    return { userId: user.id, membershipId: membership.id, email };
  });
}

export function callerFor(userId: string, organizationId: string) {
  return createCaller({ identity: { userId, organizationId }, requestId: "test" });
}

/** The run's platform admin (PLATFORM_ADMIN_EMAILS): an organization owner, created by the first test that asks. */
export async function platformAdminCaller() {
  const email = process.env.PLATFORM_ADMIN_EMAILS!.split(",")[0]!;
  const user = await db().user.findUnique({ where: { email }, select: { id: true } });
  if (user) {
    const membership = await withUser(user.id, (tx) =>
      tx.membership.findFirstOrThrow({ where: { userId: user.id }, select: { organizationId: true } }),
    );
    return callerFor(user.id, membership.organizationId);
  }
  const created = await createOrganization({
    organizationName: "Plataforma",
    owner: { name: "Plataforma", email, password: TEST_PASSWORD },
  });
  return callerFor(created.user.id, created.organization.id);
}

/** The run's platform admin, made an admin of `organizationId` too (platform-only calls audited there). */
export async function platformAdminInOrganization(organizationId: string) {
  await platformAdminCaller();
  const email = process.env.PLATFORM_ADMIN_EMAILS!.split(",")[0]!;
  const user = await db().user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  await withOrganization(organizationId, (tx) =>
    tx.membership.upsert({
      where: { organizationId_userId: { organizationId, userId: user.id } },
      create: { organizationId, userId: user.id, role: "admin" },
      update: {},
    }),
  );
  return callerFor(user.id, organizationId);
}
