import { withOrganization, type Tx } from "../../db/tenant";
import { AppError } from "../../errors";
import type { Actor } from "../members/actor";
import { isPlatformAdmin } from "../members/is-platform-admin";
import type { errorScopes } from "../../../shared/schemas/errors";

export type ErrorScope = (typeof errorScopes)[number];

/**
 * Runs `work` over one scope's error groups: the actor's organization's, or (platform admins only) the
 * system-wide ones. Always inside the actor's organization, so audit rows land there; `organizationId`
 * is what to filter the groups by.
 */
export async function inErrorScope<T>(
  actor: Actor,
  scope: ErrorScope,
  work: (tx: Tx, organizationId: string | null) => Promise<T>,
): Promise<T> {
  if (scope === "system" && !(await isPlatformAdmin(actor))) throw new AppError("FORBIDDEN", "platformAdminsOnly");
  const organizationId = scope === "system" ? null : actor.organizationId;
  return withOrganization(actor.organizationId, (tx) => work(tx, organizationId), { platform: scope === "system" });
}
