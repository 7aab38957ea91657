import type { DraftRewrite } from "../../../shared/auto-reply";

/**
 * What the reply features fill their prompt versions' {{variables}} with (data for the model, not UI).
 * The prompts themselves are the organization's versions (src/server/domain/ai-prompts).
 */
const rewrites: Record<DraftRewrite, (target: string) => string> = {
  rephrase: () => "Rephrase the draft with the same meaning, in its language.",
  fix: () => "Fix spelling, grammar and punctuation of the draft; change nothing else.",
  formal: () => "Rewrite the draft in a polite, formal tone, in its language.",
  friendly: () => "Rewrite the draft in a warm, friendly tone, in its language.",
  translate: (target) => `Translate the draft into the language with ISO code "${target}".`,
};

/** {{instruction}} of the rewrite prompt. */
export function rewriteInstruction(rewrite: DraftRewrite, targetLanguage: string): string {
  return rewrites[rewrite](targetLanguage);
}

/** {{blocked_topics}} and {{knowledge}} of the auto-reply prompt. */
export function autoReplyValues(blockedTopics: readonly string[], knowledge: string) {
  return { blocked_topics: blockedTopics.length ? blockedTopics.join("; ") : "(none)", knowledge };
}
