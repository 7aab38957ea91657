import { withOrganization } from "../../db/tenant";
import type { SavedReportDto } from "../../../shared/schemas/reports";
import type { Actor } from "../members/actor";
import { savedReportDto } from "./saved-report-dto";

/** The organization's saved reports (shared by every member), by name. */
export async function listSavedReports(actor: Actor): Promise<SavedReportDto[]> {
  const rows = await withOrganization(actor.organizationId, (tx) =>
    tx.savedReport.findMany({
      where: { organizationId: actor.organizationId },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
  );
  return rows.map(savedReportDto);
}
