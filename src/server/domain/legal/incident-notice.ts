import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { organizationWords } from "../../i18n/organization-words";
import type { Actor } from "../members/actor";
import { requireRole } from "../members/require-role";
import { fillLegalTemplate, readLegalTemplate } from "./legal-template";

/**
 * The pre-filled notice of an incident, for the ANPD or for the affected persons, in the organization's
 * language: the register's facts in the template; the organization reviews it before sending.
 */
export async function incidentNotice(
  actor: Actor,
  input: { incidentId: string; audience: "anpd" | "subjects" },
): Promise<{ audience: "anpd" | "subjects"; text: string }> {
  requireRole(actor, "admin");
  const { organizationId } = actor;
  return withOrganization(organizationId, async (tx) => {
    const incident = await tx.securityIncident.findFirst({ where: { id: input.incidentId, organizationId } });
    if (!incident) throw new AppError("NOT_FOUND", "incidentNotFound");
    const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId } });
    const words = organizationWords(organization);
    const template = readLegalTemplate(
      input.audience === "anpd" ? "incident_notice_anpd" : "incident_notice_subjects",
      organization.locale,
    );
    const text = fillLegalTemplate(template, {
      organizationName: organization.name,
      dpoName: organization.dpoName ?? "",
      dpoEmail: organization.dpoEmail ?? "",
      description: incident.description,
      occurredAt: incident.occurredAt ? words.dateTime(incident.occurredAt) : "—",
      detectedAt: words.dateTime(incident.detectedAt),
      noticeDueAt: words.dateTime(incident.noticeDueAt),
      dataCategories: incident.dataCategories.map((c) => words.word(`legal.dataCategory.${c}`)).join(", "),
      affectedCount: String(incident.affectedCount),
      measures: incident.measures,
    });
    return { audience: input.audience, text };
  });
}
