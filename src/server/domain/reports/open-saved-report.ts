import { withOrganization, type Tx } from "../../db/tenant";
import { AppError } from "../../errors";
import type { ReportTable, SavedReportDto } from "../../../shared/schemas/reports";
import type { Actor } from "../members/actor";
import { buildReportTable } from "./build-report-table";
import { savedReportDto } from "./saved-report-dto";

export async function findSavedReport(tx: Tx, organizationId: string, id: string): Promise<SavedReportDto> {
  const row = await tx.savedReport.findFirst({ where: { id, organizationId } });
  if (!row) throw new AppError("NOT_FOUND", "reportNotFound");
  return savedReportDto(row);
}

/** A saved report with its numbers as of now. */
export async function openSavedReport(
  actor: Actor,
  input: { id: string },
): Promise<{ report: SavedReportDto; table: ReportTable }> {
  return withOrganization(actor.organizationId, async (tx) => {
    const report = await findSavedReport(tx, actor.organizationId, input.id);
    return { report, table: await buildReportTable(tx, actor.organizationId, report) };
  });
}
