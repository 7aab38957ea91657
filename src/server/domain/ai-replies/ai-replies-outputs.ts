import { autoReplyModes, botPauseReasons, suggestionSources } from "../../../shared/auto-reply";
import { z } from "../../../shared/zod";

export const knowledgeEntryOutput = z.object({
  id: z.string(),
  kind: z.enum(["qa", "text"]),
  question: z.string().nullable(),
  content: z.string(),
  updatedAt: z.date(),
});
export const listKnowledgeEntriesOutput = z.array(knowledgeEntryOutput);

export const suggestionOutput = z.object({
  id: z.string(),
  body: z.string(),
  source: z.enum(suggestionSources),
});
export const suggestRepliesOutput = z.object({
  source: z.enum(suggestionSources),
  suggestions: z.array(suggestionOutput),
});
export const rewriteDraftOutput = suggestionOutput;

export const botOutcomeRatesOutput = z.object({
  /** Conversations the bot decided about (answered, drafted, handed off or rejected). */
  conversations: z.number().int(),
  handedOff: z.number().int(),
  handoffRate: z.number().nullable(),
  /** Reason codes from src/shared/auto-reply.ts. */
  byReason: z.array(z.object({ reason: z.string(), conversations: z.number().int(), rate: z.number().nullable() })),
  /** Conversations the bot answered and that were then closed. */
  closedAfterBot: z.number().int(),
  reopenedWithin24h: z.number().int(),
  reopenRate: z.number().nullable(),
});

export const suggestionStatsOutput = z.object({
  offered: z.number().int(),
  used: z.number().int(),
  edited: z.number().int(),
  discarded: z.number().int(),
  /** (used + edited) / settled; null before any suggestion was settled. */
  acceptanceRate: z.number().nullable(),
});

export const autoReplySettingsOutput = z.object({
  instanceId: z.string(),
  enabled: z.boolean(),
  mode: z.enum(autoReplyModes),
  maxRepliesPerConversation: z.number().int(),
  draftMode: z.boolean(),
  businessStartMinute: z.number().int(),
  businessEndMinute: z.number().int(),
  businessDays: z.array(z.number().int()),
  blockedTopics: z.array(z.string()),
  handoffKeywords: z.array(z.string()),
  minConfidence: z.number(),
});

export const autoReplyOutput = z.object({
  id: z.string(),
  status: z.enum(["sent", "draft", "approved", "discarded", "handoff", "rejected"]),
  body: z.string().nullable(),
  reason: z.string().nullable(),
  createdAt: z.date(),
});
export const conversationBotOutput = z.object({
  /** Automatic replies are on for the conversation's number. */
  enabled: z.boolean(),
  pausedAt: z.date().nullable(),
  pauseReason: z.enum(botPauseReasons).nullable(),
  replies: z.array(autoReplyOutput),
});
