import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { requireRole } from "../members/require-role";
import { toIncidentDto, type IncidentDto } from "./incident-dto";

/** Notes that the ANPD or the affected persons were notified; the first time counts (evidence of the date). */
export async function recordIncidentNotice(
  actor: Actor,
  input: { incidentId: string; audience: "anpd" | "subjects" },
): Promise<IncidentDto> {
  requireRole(actor, "admin");
  const { organizationId } = actor;
  return withOrganization(organizationId, async (tx) => {
    const incident = await tx.securityIncident.findFirst({ where: { id: input.incidentId, organizationId } });
    if (!incident) throw new AppError("NOT_FOUND", "incidentNotFound");
    const now = new Date();
    const anpdNotifiedAt = input.audience === "anpd" ? (incident.anpdNotifiedAt ?? now) : incident.anpdNotifiedAt;
    const subjectsNotifiedAt =
      input.audience === "subjects" ? (incident.subjectsNotifiedAt ?? now) : incident.subjectsNotifiedAt;
    const row = await tx.securityIncident.update({
      where: { id: incident.id },
      data: { anpdNotifiedAt, subjectsNotifiedAt, status: anpdNotifiedAt ? "notified" : incident.status },
    });
    await recordAudit(tx, {
      organizationId,
      actorUserId: actor.userId,
      action: "legal.incident_notified",
      targetType: "security_incident",
      targetId: row.id,
      metadata: { audience: input.audience, late: now > incident.noticeDueAt },
    });
    return toIncidentDto(row, now);
  });
}
