import type { Tx } from "../../db/tenant";
import { recordSuggestionOutcomes, type SuggestionOutcome } from "./record-suggestion-outcomes";
import { editSimilarity } from "./text-similarity";

/** At or above: the agent sent the suggestion with some edits; below, it was not used. */
const EDITED_AT = 0.6;

/**
 * What the agent did with the suggestions offered in a conversation, judged by the text actually sent:
 * the same text is "used", a close one "edited" (the best match only), the rest "discarded". Each outcome
 * is audited under the member who sent the reply.
 */
export async function settleSuggestions(
  tx: Tx,
  input: { organizationId: string; actorUserId: string; conversationId: string; messageId: string; sentText: string },
): Promise<void> {
  const offered = await tx.aiSuggestion.findMany({
    where: { conversationId: input.conversationId, outcome: "offered" },
    select: { id: true, body: true },
  });
  if (!offered.length) return;
  const scored = offered.map((s) => ({ id: s.id, score: editSimilarity(s.body, input.sentText) }));
  const best = scored.reduce((a, b) => (b.score > a.score ? b : a));
  const now = new Date();
  const outcomes: { id: string; outcome: SuggestionOutcome }[] = [];
  for (const { id, score } of scored) {
    const outcome = id !== best.id || score < EDITED_AT ? "discarded" : score === 1 ? "used" : "edited";
    await tx.aiSuggestion.update({
      where: { id },
      data: { outcome, settledAt: now, messageId: outcome === "discarded" ? null : input.messageId },
    });
    outcomes.push({ id, outcome });
  }
  await recordSuggestionOutcomes(tx, { ...input, outcomes });
}
