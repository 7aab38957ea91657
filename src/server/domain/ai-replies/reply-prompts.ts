import type { DraftRewrite } from "../../../shared/auto-reply";

/**
 * The instructions the reply features give the model (data for the model, not UI). Change
 * them together with the schemas in the callers.
 */
/** Stored in the call log with each reply-feature call: change it whenever a prompt or schema changes. */
export const REPLY_PROMPT_VERSION = "replies-prompt-2026-12-03";

export function suggestionInstructions(knowledge: string): string {
  return (
    "You help a business's agent answer a WhatsApp conversation. Write one to three short replies the agent " +
    "could send next, in the customer's language, using only facts from the knowledge base below; never invent " +
    `prices, links or phone numbers.\nKnowledge base:\n${knowledge}`
  );
}

const rewrites: Record<DraftRewrite, (target: string) => string> = {
  rephrase: () => "Rephrase the draft with the same meaning, in its language.",
  fix: () => "Fix spelling, grammar and punctuation of the draft; change nothing else.",
  formal: () => "Rewrite the draft in a polite, formal tone, in its language.",
  friendly: () => "Rewrite the draft in a warm, friendly tone, in its language.",
  translate: (target) => `Translate the draft into the language with ISO code "${target}".`,
};

export function rewriteInstructions(rewrite: DraftRewrite, targetLanguage: string): string {
  return `You edit a reply a business's agent is about to send on WhatsApp. ${rewrites[rewrite](targetLanguage)} Answer with the new text only.`;
}

export function autoReplyInstructions(blockedTopics: readonly string[], knowledge: string): string {
  return (
    "You answer a business's WhatsApp customers while no agent is available, as the business's assistant. " +
    "Reply only from the knowledge base below, in the customer's language, in at most a few sentences; never " +
    'invent prices, links or phone numbers. Decide "handoff" instead when the customer asks for a person ' +
    "(human_requested), is upset or complaining (negative_sentiment), the knowledge base does not answer the " +
    `question (low_confidence), or it touches a blocked topic (blocked_topic). Blocked topics: ${
      blockedTopics.length ? blockedTopics.join("; ") : "(none)"
    }. confidence is your probability that the reply is right and complete.\nKnowledge base:\n${knowledge}`
  );
}
