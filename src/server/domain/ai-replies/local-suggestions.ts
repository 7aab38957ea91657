import type { KnowledgeEntryDto } from "./knowledge-entries";
import { topicSimilarity } from "./text-similarity";

/** Below this a knowledge entry or quick reply is not about what the customer asked. */
const RELEVANT_AT = 0.2;
const MAX_SUGGESTIONS = 3;

/**
 * Replies without a provider: the answers of the knowledge base and the quick replies closest (nlp.js
 * stems, cosine similarity) to the customer's last message.
 */
export function localSuggestions(
  lastInbound: string,
  knowledge: readonly KnowledgeEntryDto[],
  quickReplies: readonly { shortcut: string; body: string }[],
): string[] {
  const candidates = [
    ...knowledge.map((e) => ({ about: `${e.question ?? ""} ${e.content}`, reply: e.content })),
    ...quickReplies.map((q) => ({ about: `${q.shortcut} ${q.body}`, reply: q.body })),
  ];
  const ranked = candidates
    .map((c) => ({ reply: c.reply, score: topicSimilarity(lastInbound, c.about) }))
    .filter((c) => c.score >= RELEVANT_AT)
    .sort((a, b) => b.score - a.score);
  return [...new Set(ranked.map((c) => c.reply))].slice(0, MAX_SUGGESTIONS);
}
