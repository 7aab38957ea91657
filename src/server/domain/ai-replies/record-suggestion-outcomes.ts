import type { Tx } from "../../db/tenant";
import { recordAudit } from "../audit/record-audit";

export type SuggestionOutcome = "used" | "edited" | "discarded";

/** Audit action codes per outcome, spelled out so the audit wording check finds each. */
const outcomeActions: Record<SuggestionOutcome, string> = {
  used: "ai_suggestion.used",
  edited: "ai_suggestion.edited",
  discarded: "ai_suggestion.discarded",
};

/** One audit row per outcome reached (naming its suggestions), in the transaction that settled them. */
export async function recordSuggestionOutcomes(
  tx: Tx,
  input: {
    organizationId: string;
    actorUserId: string | null;
    conversationId: string;
    messageId?: string;
    outcomes: readonly { id: string; outcome: SuggestionOutcome }[];
  },
): Promise<void> {
  for (const outcome of ["used", "edited", "discarded"] as const) {
    const suggestionIds = input.outcomes.filter((o) => o.outcome === outcome).map((o) => o.id);
    if (!suggestionIds.length) continue;
    await recordAudit(tx, {
      organizationId: input.organizationId,
      actorUserId: input.actorUserId,
      action: outcomeActions[outcome],
      targetType: "conversation",
      targetId: input.conversationId,
      metadata: {
        suggestionIds,
        ...(input.messageId && outcome !== "discarded" ? { messageId: input.messageId } : {}),
      },
    });
  }
}
