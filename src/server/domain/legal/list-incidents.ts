import { withOrganization } from "../../db/tenant";
import type { Actor } from "../members/actor";
import { requireRole } from "../members/require-role";
import { toIncidentDto, type IncidentDto } from "./incident-dto";

/** The incident register, newest first. */
export async function listIncidents(actor: Actor): Promise<IncidentDto[]> {
  requireRole(actor, "admin");
  const rows = await withOrganization(actor.organizationId, (tx) =>
    tx.securityIncident.findMany({ where: { organizationId: actor.organizationId }, orderBy: { detectedAt: "desc" } }),
  );
  const now = new Date();
  return rows.map((row) => toIncidentDto(row, now));
}
