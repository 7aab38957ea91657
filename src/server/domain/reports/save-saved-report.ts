import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { scheduleForOrganization } from "../../jobs/enqueue";
import type { SaveReportInput, SavedReportDto } from "../../../shared/schemas/reports";
import { organizationCalendar } from "../analytics/organization-calendar";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { requireRole } from "../members/require-role";
import { nextReportRun } from "./next-report-run";
import { savedReportColumns, savedReportDto } from "./saved-report-dto";

/**
 * Creates or updates a shared report (admins: a schedule e-mails the organization's numbers). Its next
 * e-mail is computed in the organization's time zone; the delivery schedule exists once one is scheduled.
 */
export async function saveSavedReport(actor: Actor, input: SaveReportInput, now = new Date()): Promise<SavedReportDto> {
  requireRole(actor, "admin");
  const { id, ...definition } = input;
  const saved = await withOrganization(actor.organizationId, async (tx) => {
    const { timezone } = await organizationCalendar(tx, actor.organizationId);
    const data = { ...savedReportColumns(definition), nextRunAt: nextReportRun(definition.schedule, timezone, now) };
    let row;
    if (id) {
      const updated = await tx.savedReport.updateMany({ where: { id, organizationId: actor.organizationId }, data });
      if (updated.count === 0) throw new AppError("NOT_FOUND", "reportNotFound");
      row = await tx.savedReport.findUniqueOrThrow({ where: { id } });
    } else {
      row = await tx.savedReport.create({
        data: { ...data, organizationId: actor.organizationId, createdById: actor.userId },
      });
    }
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: id ? "report.updated" : "report.created",
      targetType: "saved_report",
      targetId: row.id,
      metadata: {
        ...definition,
        schedule: { ...definition.schedule, recipients: definition.schedule.recipients.length },
      },
    });
    return row;
  });
  if (saved.nextRunAt) await scheduleForOrganization("reports.deliver", actor.organizationId);
  return savedReportDto(saved);
}
