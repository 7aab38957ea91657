import { autoReplyModes, draftRewrites } from "../auto-reply";
import { z } from "../zod";

export const saveKnowledgeEntryInput = z.discriminatedUnion("kind", [
  z.object({
    id: z.uuid().optional(),
    kind: z.literal("qa"),
    question: z.string().trim().min(1).max(500),
    content: z.string().trim().min(1).max(4000),
  }),
  z.object({ id: z.uuid().optional(), kind: z.literal("text"), content: z.string().trim().min(1).max(4000) }),
]);

export const deleteKnowledgeEntryInput = z.object({ id: z.uuid() });

export const suggestRepliesInput = z.object({ conversationId: z.uuid() });

export const rewriteDraftInput = z.object({
  conversationId: z.uuid(),
  draft: z.string().trim().min(1).max(4000),
  rewrite: z.enum(draftRewrites),
  /** The language to translate into (translate only). */
  targetLanguage: z.enum(["pt", "en", "es"]).default("en"),
});

export const autoReplySettingsInput = z.object({ instanceId: z.uuid() });

export const saveAutoReplySettingsInput = z.object({
  instanceId: z.uuid(),
  enabled: z.boolean(),
  mode: z.enum(autoReplyModes),
  maxRepliesPerConversation: z.number().int().min(1).max(20),
  draftMode: z.boolean(),
  businessStartMinute: z.number().int().min(0).max(1440),
  businessEndMinute: z.number().int().min(0).max(1440),
  businessDays: z.array(z.number().int().min(1).max(7)).max(7),
  blockedTopics: z.array(z.string().trim().min(1).max(100)).max(50),
  handoffKeywords: z.array(z.string().trim().min(1).max(100)).max(50),
  minConfidence: z.number().min(0).max(1),
});

export const approveDraftInput = z.object({ draftId: z.uuid() });

export const discardDraftInput = z.object({ draftId: z.uuid() });

export const suggestionStatsInput = z.object({ days: z.union([z.literal(7), z.literal(30)]).default(30) });

export const botOutcomeRatesInput = z.object({ days: z.union([z.literal(7), z.literal(30)]).default(30) });

export const conversationBotInput = z.object({ conversationId: z.uuid() });

export const resumeBotInput = z.object({ conversationId: z.uuid() });
