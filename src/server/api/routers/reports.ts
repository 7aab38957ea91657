import {
  deleteReportOutput,
  listReportsOutput,
  openReportOutput,
  reportIdInput,
  saveReportInput,
  savedReportOutput,
} from "../../../shared/schemas/reports";
import { deleteSavedReport } from "../../domain/reports/delete-saved-report";
import { listSavedReports } from "../../domain/reports/list-saved-reports";
import { openSavedReport } from "../../domain/reports/open-saved-report";
import { saveSavedReport } from "../../domain/reports/save-saved-report";
import { adminProcedure, organizationProcedure, router } from "../trpc";

export const reportsRouter = router({
  list: organizationProcedure.output(listReportsOutput).query(({ ctx }) => listSavedReports(ctx.actor)),
  open: organizationProcedure
    .input(reportIdInput)
    .output(openReportOutput)
    .query(({ ctx, input }) => openSavedReport(ctx.actor, input)),
  save: adminProcedure
    .input(saveReportInput)
    .output(savedReportOutput)
    .mutation(({ ctx, input }) => saveSavedReport(ctx.actor, input)),
  delete: adminProcedure
    .input(reportIdInput)
    .output(deleteReportOutput)
    .mutation(({ ctx, input }) => deleteSavedReport(ctx.actor, input)),
});
