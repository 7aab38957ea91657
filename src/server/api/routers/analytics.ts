import { analyticsDashboardInput, analyticsDashboardOutput } from "../../../shared/schemas/analytics";
import { getAnalyticsDashboard } from "../../domain/analytics/get-analytics-dashboard";
import { organizationProcedure, router } from "../trpc";

export const analyticsRouter = router({
  dashboard: organizationProcedure
    .input(analyticsDashboardInput)
    .output(analyticsDashboardOutput)
    .query(({ ctx, input }) => getAnalyticsDashboard(ctx.actor, input)),
});
