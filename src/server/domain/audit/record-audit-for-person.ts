import { enterOrganization, type Tx } from "../../db/tenant";
import { recordAudit, type AuditEntry } from "./record-audit";

/**
 * Records a change to a person's own account (e.g. a password reset) in every organization they belong
 * to, inside a `withUser` transaction: each organization's log shows it. Returns those organizations.
 */
export async function recordAuditForPerson(
  tx: Tx,
  userId: string,
  entry: Omit<AuditEntry, "organizationId" | "actorUserId" | "targetType" | "targetId">,
): Promise<{ organizationId: string; organization: { locale: string; timezone: string } }[]> {
  const memberships = await tx.membership.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    include: { organization: { select: { locale: true, timezone: true } } },
  });
  for (const membership of memberships) {
    await enterOrganization(tx, membership.organizationId);
    await recordAudit(tx, {
      ...entry,
      organizationId: membership.organizationId,
      actorUserId: userId,
      targetType: "user",
      targetId: userId,
    });
  }
  return memberships;
}
