import { withOrganization } from "../../db/tenant";
import { scheduleForOrganization } from "../../jobs/enqueue";
import { INCIDENT_NOTICE_BUSINESS_DAYS } from "../../../shared/schemas/legal";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { requireRole } from "../members/require-role";
import { incidentNoticeDue } from "./business-days";
import { toIncidentDto, type IncidentDto } from "./incident-dto";

/**
 * Registers a security incident with personal data. The notice clock (three business days, Brazilian
 * national holidays excluded, in the organization's zone) starts when it was detected; the reminder
 * schedule of the organization is created on demand.
 */
export async function registerIncident(
  actor: Actor,
  input: {
    description: string;
    occurredAt?: string;
    detectedAt: string;
    dataCategories: string[];
    affectedCount: number;
    measures: string;
  },
): Promise<IncidentDto> {
  requireRole(actor, "admin");
  const { organizationId } = actor;
  const detectedAt = new Date(input.detectedAt);
  const dto = await withOrganization(organizationId, async (tx) => {
    const { timezone } = await tx.organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: { timezone: true },
    });
    const row = await tx.securityIncident.create({
      data: {
        organizationId,
        description: input.description,
        occurredAt: input.occurredAt ? new Date(input.occurredAt) : null,
        detectedAt,
        dataCategories: [...new Set(input.dataCategories)],
        affectedCount: input.affectedCount,
        measures: input.measures,
        noticeDueAt: incidentNoticeDue(detectedAt, timezone, INCIDENT_NOTICE_BUSINESS_DAYS),
        createdById: actor.userId,
      },
    });
    await recordAudit(tx, {
      organizationId,
      actorUserId: actor.userId,
      action: "legal.incident_registered",
      targetType: "security_incident",
      targetId: row.id,
      metadata: {
        detectedAt: row.detectedAt.toISOString(),
        noticeDueAt: row.noticeDueAt.toISOString(),
        affectedCount: row.affectedCount,
      },
    });
    return toIncidentDto(row);
  });
  await scheduleForOrganization("legal.incident-reminders", organizationId);
  return dto;
}
