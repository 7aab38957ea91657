import { withOrganization, type Tx } from "../../db/tenant";
import type { AuditFilter } from "../../../shared/schemas/audit";
import type { Actor } from "../members/actor";
import { auditWhere } from "./audit-filter";
import type { listAuditEntriesOutput } from "./audit-outputs";
import type { z } from "../../../shared/zod";

type AuditPage = z.infer<typeof listAuditEntriesOutput>;

/** Names of the people behind a page of entries (members or former members: users outlive memberships). */
export async function actorsById(tx: Tx, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const users = wanted.length
    ? await tx.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true, email: true } })
    : [];
  return new Map(users.map((u) => [u.id, { userId: u.id, name: u.name, email: u.email }]));
}

/** One page of the organization's audit log, newest first, filtered by actor, action, entity and period. */
export async function listAuditEntries(
  actor: Actor,
  input: { filter: AuditFilter; cursor?: string; limit: number },
): Promise<AuditPage> {
  return withOrganization(actor.organizationId, async (tx) => {
    const where = auditWhere(actor.organizationId, input.filter);
    const rows = await tx.auditLog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: input.limit + 1,
      ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    });
    const page = rows.slice(0, input.limit);
    const total = await tx.auditLog.count({ where });
    const actors = await actorsById(
      tx,
      page.map((r) => r.actorUserId),
    );
    return {
      entries: page.map((r) => ({
        id: r.id,
        createdAt: r.createdAt,
        actor: r.actorUserId ? (actors.get(r.actorUserId) ?? null) : null,
        action: r.action,
        targetType: r.targetType,
        targetId: r.targetId,
        metadata: r.metadata,
      })),
      nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
      total,
    };
  });
}
