import type { Prisma } from "../../db/client";
import type { AuditFilter } from "../../../shared/schemas/audit";

/** The audit page's filter as a Prisma where clause (the organization is scoped by RLS and the caller). */
export function auditWhere(organizationId: string, filter: AuditFilter): Prisma.AuditLogWhereInput {
  return {
    organizationId,
    ...(filter.actorUserId ? { actorUserId: filter.actorUserId } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.targetType ? { targetType: filter.targetType } : {}),
    ...(filter.from || filter.to
      ? { createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } }
      : {}),
  };
}
