import { requestProfileInput } from "../../../shared/schemas/profiling";
import { listSlowQueriesOutput } from "../../domain/performance/performance-outputs";
import { listSlowQueries } from "../../domain/performance/list-slow-queries";
import { listProfilesOutput, requestProfileOutput } from "../../domain/profiling/profiling-outputs";
import { listProfiles } from "../../domain/profiling/list-profiles";
import { requestProfile } from "../../domain/profiling/request-profile";
import { adminProcedure, router } from "../trpc";

export const performanceRouter = router({
  slowQueries: adminProcedure.output(listSlowQueriesOutput).query(({ ctx }) => listSlowQueries(ctx.actor)),
  profiles: adminProcedure.output(listProfilesOutput).query(({ ctx }) => listProfiles(ctx.actor)),
  requestProfile: adminProcedure
    .input(requestProfileInput)
    .output(requestProfileOutput)
    .mutation(({ ctx, input }) => requestProfile(ctx.actor, input)),
});
