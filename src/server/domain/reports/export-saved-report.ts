import { withOrganization } from "../../db/tenant";
import { organizationWords } from "../../i18n/organization-words";
import type { ReportFormat } from "../../../shared/schemas/reports";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { buildReportTable } from "./build-report-table";
import { findSavedReport } from "./open-saved-report";
import { reportFile, type ReportFile } from "./report-files";
import { guardMemberAction } from "../member-holds/guard-member-action";

/** A saved report's numbers as XLSX or CSV, worded in the organization's language; the export is audited. */
export async function exportSavedReport(
  actor: Actor,
  input: { id: string; format: ReportFormat },
): Promise<ReportFile> {
  await guardMemberAction(actor, "export");
  return withOrganization(actor.organizationId, async (tx) => {
    const report = await findSavedReport(tx, actor.organizationId, input.id);
    const organization = await tx.organization.findUniqueOrThrow({
      where: { id: actor.organizationId },
      select: { locale: true, timezone: true },
    });
    const table = await buildReportTable(tx, actor.organizationId, report);
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "report.exported",
      targetType: "saved_report",
      targetId: report.id,
      metadata: { format: input.format, from: table.from, to: table.to },
    });
    return reportFile(report, table, input.format, organizationWords(organization));
  });
}
