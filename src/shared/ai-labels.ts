import { z } from "zod";

/**
 * The message labels the AI knows out of the box, as codes (the UI words them in pt-BR or English).
 * An organization's own list is stored on it (`organizations.ai_labels`), seeded with these.
 */
export const defaultAiLabels = ["question", "complaint", "purchase", "support", "praise", "spam", "opt_out"] as const;
export type AiLabel = (typeof defaultAiLabels)[number];
export const aiLabelSchema = z.enum(defaultAiLabels);

export const aiSentiments = ["positive", "neutral", "negative"] as const;
export type AiSentiment = (typeof aiSentiments)[number];
export const aiSentimentSchema = z.enum(aiSentiments);
