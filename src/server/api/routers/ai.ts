import { z } from "zod";
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
import {
  aiOverviewOutput,
  aiProviderOutput,
  listAiLabelsOutput,
  reviewInsightOutput,
  testAiProviderOutput,
} from "../../domain/ai/ai-outputs";

export const aiRouter = router({
  overview: organizationProcedure
    .input(aiOverviewInput)
    .output(aiOverviewOutput)
    .query(({ ctx, input }) => getAiOverview(ctx.actor, input)),
  labels: organizationProcedure.output(listAiLabelsOutput).query(({ ctx }) => listAiLabels(ctx.actor)),
  review: organizationProcedure
    .input(reviewInsightInput)
    .output(reviewInsightOutput)
    .mutation(({ ctx, input }) => reviewInsight(ctx.actor, input)),
  setContactAiOptOut: organizationProcedure
    .input(setContactAiOptOutInput)
    .output(z.void())
    .mutation(({ ctx, input }) => setContactAiOptOut(ctx.actor, input)),
  provider: adminProcedure.output(aiProviderOutput).query(({ ctx }) => getAiProvider(ctx.actor)),
  saveProvider: adminProcedure
    .input(saveAiProviderInput)
    .output(z.void())
    .mutation(({ ctx, input }) => saveAiProvider(ctx.actor, input)),
  removeProvider: adminProcedure.output(z.void()).mutation(({ ctx }) => removeAiProvider(ctx.actor)),
  testProvider: adminProcedure.output(testAiProviderOutput).mutation(({ ctx }) => testAiProvider(ctx.actor)),
});
