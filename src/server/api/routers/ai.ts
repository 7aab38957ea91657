import { z } from "zod";
import {
  aiOverviewInput,
  getAiCallInput,
  listAiCallsInput,
  reviewInsightInput,
  saveAiModelPricesInput,
  saveAiProviderInput,
  saveAiSettingsInput,
  setContactAiOptOutInput,
  summarizeConversationInput,
} from "../../../shared/schemas/ai";
import { getAiOverview } from "../../domain/ai/get-ai-overview";
import { getAiProvider } from "../../domain/ai/get-ai-provider";
import { getAiSettings } from "../../domain/ai/get-ai-settings";
import { getConversationSummary } from "../../domain/ai/get-conversation-summary";
import { getAiCall, listAiCalls } from "../../domain/ai/list-ai-calls";
import { listAiLabels } from "../../domain/ai/list-ai-labels";
import { reviewInsight } from "../../domain/ai/review-insight";
import { saveAiModelPrices } from "../../domain/ai/save-ai-model-prices";
import { removeAiProvider, saveAiProvider } from "../../domain/ai/save-ai-provider";
import { saveAiSettings } from "../../domain/ai/save-ai-settings";
import { setContactAiOptOut } from "../../domain/ai/set-contact-ai-opt-out";
import { summarizeConversation } from "../../domain/ai/summarize-conversation";
import { testAiProvider } from "../../domain/ai/test-ai-provider";
import { adminProcedure, organizationProcedure, router } from "../trpc";
import {
  aiCallDetailOutput,
  aiOverviewOutput,
  aiProviderOutput,
  aiSettingsOutput,
  conversationSummaryOutput,
  listAiCallsOutput,
  listAiLabelsOutput,
  reviewInsightOutput,
  testAiProviderOutput,
  localEngineBenchmarkOutput,
} from "../../domain/ai/ai-outputs";
import { getLocalEngineBenchmark } from "../../domain/ai/measure-local-engine";

export const aiRouter = router({
  overview: organizationProcedure
    .input(aiOverviewInput)
    .output(aiOverviewOutput)
    .query(({ ctx, input }) => getAiOverview(ctx.actor, input)),
  localEngineBenchmark: organizationProcedure.output(localEngineBenchmarkOutput).query(() => getLocalEngineBenchmark()),
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
  saveModelPrices: adminProcedure
    .input(saveAiModelPricesInput)
    .output(z.void())
    .mutation(({ ctx, input }) => saveAiModelPrices(ctx.actor, input)),
  settings: organizationProcedure.output(aiSettingsOutput).query(({ ctx }) => getAiSettings(ctx.actor)),
  saveSettings: adminProcedure
    .input(saveAiSettingsInput)
    .output(z.void())
    .mutation(({ ctx, input }) => saveAiSettings(ctx.actor, input)),
  callLog: adminProcedure
    .input(listAiCallsInput)
    .output(listAiCallsOutput)
    .query(({ ctx, input }) => listAiCalls(ctx.actor, input)),
  callDetail: adminProcedure
    .input(getAiCallInput)
    .output(aiCallDetailOutput)
    .query(({ ctx, input }) => getAiCall(ctx.actor, input)),
  conversationSummary: organizationProcedure
    .input(summarizeConversationInput)
    .output(conversationSummaryOutput)
    .query(({ ctx, input }) => getConversationSummary(ctx.actor, input)),
  summarizeConversation: organizationProcedure
    .input(summarizeConversationInput)
    .output(conversationSummaryOutput.unwrap())
    .mutation(({ ctx, input }) =>
      summarizeConversation({
        ...input,
        organizationId: ctx.actor.organizationId,
        trigger: "on_demand",
        actorUserId: ctx.actor.userId,
      }),
    ),
});
