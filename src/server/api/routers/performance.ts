import { listSlowQueriesOutput } from "../../domain/performance/performance-outputs";
import { listSlowQueries } from "../../domain/performance/list-slow-queries";
import { adminProcedure, router } from "../trpc";

export const performanceRouter = router({
  slowQueries: adminProcedure.output(listSlowQueriesOutput).query(({ ctx }) => listSlowQueries(ctx.actor)),
});
