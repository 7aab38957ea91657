import type { Prisma } from "../../db/client";
import type { Tx } from "../../db/tenant";

export interface AuditEntry {
  organizationId: string;
  actorUserId: string | null;
  action: string;
  targetType: string;
  targetId?: string;
  metadata?: Prisma.InputJsonValue;
}

/** Writes an audit row inside the caller's transaction, so it exists exactly when the change does. */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      organizationId: entry.organizationId,
      actorUserId: entry.actorUserId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      metadata: entry.metadata ?? {},
    },
  });
}
