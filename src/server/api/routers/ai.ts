import {
  aiOverviewInput,
  reviewInsightInput,
  saveAiProviderInput,
  setContactAiOptOutInput,
} from "../../../shared/schemas/ai";
import { getAiOverview } from "../../domain/ai/get-ai-overview";
import { getAiProvider } from "../../domain/ai/get-ai-provider";
import { listAiLabels } from "../../domain/ai/list-ai-labels";
import { reviewInsight } from "../../domain/ai/review-insight";
import { removeAiProvider, saveAiProvider } from "../../domain/ai/save-ai-provider";
import { setContactAiOptOut } from "../../domain/ai/set-contact-ai-opt-out";
import { testAiProvider } from "../../domain/ai/test-ai-provider";
import { adminProcedure, organizationProcedure, router } from "../trpc";

export const aiRouter = router({
  overview: organizationProcedure.input(aiOverviewInput).query(({ ctx, input }) => getAiOverview(ctx.actor, input)),
  labels: organizationProcedure.query(({ ctx }) => listAiLabels(ctx.actor)),
  review: organizationProcedure.input(reviewInsightInput).mutation(({ ctx, input }) => reviewInsight(ctx.actor, input)),
  setContactAiOptOut: organizationProcedure
    .input(setContactAiOptOutInput)
    .mutation(({ ctx, input }) => setContactAiOptOut(ctx.actor, input)),
  provider: adminProcedure.query(({ ctx }) => getAiProvider(ctx.actor)),
  saveProvider: adminProcedure
    .input(saveAiProviderInput)
    .mutation(({ ctx, input }) => saveAiProvider(ctx.actor, input)),
  removeProvider: adminProcedure.mutation(({ ctx }) => removeAiProvider(ctx.actor)),
  testProvider: adminProcedure.mutation(({ ctx }) => testAiProvider(ctx.actor)),
});
