import { aiOverviewInput, reviewInsightInput, setContactAiOptOutInput } from "../../../shared/schemas/ai";
import { getAiOverview } from "../../domain/ai/get-ai-overview";
import { listAiLabels } from "../../domain/ai/list-ai-labels";
import { reviewInsight } from "../../domain/ai/review-insight";
import { setContactAiOptOut } from "../../domain/ai/set-contact-ai-opt-out";
import { organizationProcedure, router } from "../trpc";

export const aiRouter = router({
  overview: organizationProcedure.input(aiOverviewInput).query(({ ctx, input }) => getAiOverview(ctx.actor, input)),
  labels: organizationProcedure.query(({ ctx }) => listAiLabels(ctx.actor)),
  review: organizationProcedure.input(reviewInsightInput).mutation(({ ctx, input }) => reviewInsight(ctx.actor, input)),
  setContactAiOptOut: organizationProcedure
    .input(setContactAiOptOutInput)
    .mutation(({ ctx, input }) => setContactAiOptOut(ctx.actor, input)),
});
