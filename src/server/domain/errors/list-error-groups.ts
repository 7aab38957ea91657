import type { Actor } from "../members/actor";
import { isPlatformAdmin } from "../members/is-platform-admin";
import type { ErrorGroupSummary } from "./error-outputs";
import { inErrorScope, type ErrorScope } from "./error-scope";

const LIST_LIMIT = 200;

export const errorGroupSummarySelect = {
  id: true,
  organizationId: true,
  source: true,
  errorName: true,
  message: true,
  status: true,
  count: true,
  firstSeenAt: true,
  lastSeenAt: true,
  lastRelease: true,
} as const;

export function toErrorGroupSummary<T extends { organizationId: string | null }>(
  row: T,
): Omit<T, "organizationId"> & { system: boolean } {
  const { organizationId, ...rest } = row;
  return { ...rest, system: organizationId === null };
}

/** The scope's error groups, most recently seen first (Configurações → Erros). */
export async function listErrorGroups(
  actor: Actor,
  input: { scope: ErrorScope; status?: ErrorGroupSummary["status"] },
): Promise<{ groups: ErrorGroupSummary[]; canSeeSystem: boolean }> {
  const rows = await inErrorScope(actor, input.scope, (tx, organizationId) =>
    tx.errorGroup.findMany({
      where: { organizationId, ...(input.status ? { status: input.status } : {}) },
      orderBy: { lastSeenAt: "desc" },
      take: LIST_LIMIT,
      select: errorGroupSummarySelect,
    }),
  );
  return { groups: rows.map(toErrorGroupSummary), canSeeSystem: await isPlatformAdmin(actor) };
}
