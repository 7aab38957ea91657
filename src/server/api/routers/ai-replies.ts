import { z } from "zod";
import {
  approveDraftInput,
  autoReplySettingsInput,
  botOutcomeRatesInput,
  deleteKnowledgeEntryInput,
  conversationBotInput,
  discardDraftInput,
  resumeBotInput,
  rewriteDraftInput,
  saveAutoReplySettingsInput,
  saveKnowledgeEntryInput,
  suggestionStatsInput,
  suggestRepliesInput,
} from "../../../shared/schemas/ai-replies";
import {
  autoReplySettingsOutput,
  botOutcomeRatesOutput,
  conversationBotOutput,
  knowledgeEntryOutput,
  listKnowledgeEntriesOutput,
  rewriteDraftOutput,
  suggestionStatsOutput,
  suggestRepliesOutput,
} from "../../domain/ai-replies/ai-replies-outputs";
import { getAutoReplySettings, saveAutoReplySettings } from "../../domain/ai-replies/auto-reply-settings";
import { getConversationBot, resumeBot } from "../../domain/ai-replies/conversation-bot";
import {
  deleteKnowledgeEntry,
  listKnowledgeEntries,
  saveKnowledgeEntry,
} from "../../domain/ai-replies/knowledge-entries";
import { reviewAutoReplyDraft } from "../../domain/ai-replies/review-auto-reply-draft";
import { rewriteDraft } from "../../domain/ai-replies/rewrite-draft";
import { getSuggestionStats } from "../../domain/ai-replies/suggestion-stats";
import { getBotOutcomeRates } from "../../domain/ai-replies/bot-outcome-rates";
import { suggestReplies } from "../../domain/ai-replies/suggest-replies";
import { adminProcedure, organizationProcedure, router } from "../trpc";

/** Composer help, the knowledge base ("treinamento") and automatic replies. */
export const aiRepliesRouter = router({
  knowledge: organizationProcedure
    .output(listKnowledgeEntriesOutput)
    .query(({ ctx }) => listKnowledgeEntries(ctx.actor)),
  saveKnowledge: adminProcedure
    .input(saveKnowledgeEntryInput)
    .output(knowledgeEntryOutput)
    .mutation(({ ctx, input }) => saveKnowledgeEntry(ctx.actor, input)),
  deleteKnowledge: adminProcedure
    .input(deleteKnowledgeEntryInput)
    .output(z.void())
    .mutation(({ ctx, input }) => deleteKnowledgeEntry(ctx.actor, input)),
  suggest: organizationProcedure
    .input(suggestRepliesInput)
    .output(suggestRepliesOutput)
    .mutation(({ ctx, input }) => suggestReplies(ctx.actor, input)),
  rewrite: organizationProcedure
    .input(rewriteDraftInput)
    .output(rewriteDraftOutput)
    .mutation(({ ctx, input }) => rewriteDraft(ctx.actor, input)),
  suggestionStats: organizationProcedure
    .input(suggestionStatsInput)
    .output(suggestionStatsOutput)
    .query(({ ctx, input }) => getSuggestionStats(ctx.actor, input)),
  botOutcomeRates: organizationProcedure
    .input(botOutcomeRatesInput)
    .output(botOutcomeRatesOutput)
    .query(({ ctx, input }) => getBotOutcomeRates(ctx.actor, input)),
  autoReplySettings: organizationProcedure
    .input(autoReplySettingsInput)
    .output(autoReplySettingsOutput)
    .query(({ ctx, input }) => getAutoReplySettings(ctx.actor, input)),
  saveAutoReplySettings: adminProcedure
    .input(saveAutoReplySettingsInput)
    .output(autoReplySettingsOutput)
    .mutation(({ ctx, input }) => saveAutoReplySettings(ctx.actor, input)),
  conversationBot: organizationProcedure
    .input(conversationBotInput)
    .output(conversationBotOutput)
    .query(({ ctx, input }) => getConversationBot(ctx.actor, input)),
  approveDraft: organizationProcedure
    .input(approveDraftInput)
    .output(z.void())
    .mutation(({ ctx, input }) => reviewAutoReplyDraft(ctx.actor, { draftId: input.draftId, approve: true })),
  discardDraft: organizationProcedure
    .input(discardDraftInput)
    .output(z.void())
    .mutation(({ ctx, input }) => reviewAutoReplyDraft(ctx.actor, { draftId: input.draftId, approve: false })),
  resumeBot: organizationProcedure
    .input(resumeBotInput)
    .output(z.void())
    .mutation(({ ctx, input }) => resumeBot(ctx.actor, input)),
});
