import { z } from "zod";
import { withOrganization } from "../../db/tenant";
import { logger } from "../../logger";
import { completeWithJsonSchema, type AnswerShape, type ChatTurn } from "../ai/provider-engine";
import { providerFailureOf } from "../ai/provider-failure";
import type { Actor } from "../members/actor";
import type { z as zod } from "../../../shared/zod";
import type { suggestRepliesOutput } from "./ai-replies-outputs";
import { knowledgeContext, loadKnowledge, type KnowledgeEntryDto } from "./knowledge-entries";
import { localSuggestions } from "./local-suggestions";
import { providerForConversation } from "./provider-for-conversation";
import { resolvePrompt, type PromptRef } from "../ai-prompts/active-prompts";
import { renderPrompt } from "../../../shared/ai-prompts";
import { recentTurns } from "./recent-turns";
import { recordAudit } from "../audit/record-audit";
import { recordSuggestionOutcomes } from "./record-suggestion-outcomes";

/** What the provider must answer with. */
export const suggestionsShape = {
  name: "reply_suggestions",
  jsonSchema: {
    type: "object",
    additionalProperties: false,
    required: ["suggestions"],
    properties: { suggestions: { type: "array", minItems: 1, maxItems: 3, items: { type: "string" } } },
  },
  answer: z.object({ suggestions: z.array(z.string().min(1).max(2000)).min(1).max(3) }),
} satisfies AnswerShape<z.ZodType>;

/**
 * 1–3 replies an agent may send next, from the conversation's newest messages and the knowledge base.
 * Without a provider (or when it fails) the local engine offers knowledge-base answers and quick replies.
 * Every suggestion is stored as offered; the agent's next reply settles them.
 */
export async function suggestReplies(
  actor: Actor,
  input: { conversationId: string },
): Promise<zod.infer<typeof suggestRepliesOutput>> {
  const { organizationId } = actor;
  const context = await withOrganization(organizationId, async (tx) => {
    // "Sem IA" contacts get no provider: local suggestions only.
    const { conversation, provider } = await providerForConversation(tx, organizationId, input.conversationId);
    return {
      provider,
      contactId: conversation.contactId,
      turns: await recentTurns(tx, conversation.id),
      knowledge: await loadKnowledge(tx, organizationId),
      quickReplies: await tx.quickReply.findMany({ where: { organizationId }, select: { shortcut: true, body: true } }),
    };
  });
  let source: "provider" | "local" = "local";
  let bodies: string[] = [];
  let promptVersionId: string | null = null;
  if (context.provider && context.turns.length) {
    try {
      const prompt = await resolvePrompt(organizationId, "suggestion", input.conversationId);
      bodies = await providerSuggestions(organizationId, prompt, context.contactId, context.turns, context.knowledge);
      promptVersionId = prompt.id;
      source = "provider";
    } catch (error) {
      logger.warn({ ...providerFailureOf(error), err: error }, "AI suggestions failed; local suggestions used");
    }
  }
  if (source === "local") {
    const lastInbound = context.turns.findLast((t) => t.role === "user")?.content ?? "";
    bodies = localSuggestions(lastInbound, context.knowledge, context.quickReplies);
  }
  const suggestions = await withOrganization(organizationId, async (tx) => {
    // Suggestions not sent before a new request was made were not taken.
    const stale = await tx.aiSuggestion.updateManyAndReturn({
      where: { conversationId: input.conversationId, outcome: "offered", kind: "reply" },
      data: { outcome: "discarded", settledAt: new Date() },
      select: { id: true },
    });
    await recordSuggestionOutcomes(tx, {
      organizationId,
      actorUserId: actor.userId,
      conversationId: input.conversationId,
      outcomes: stale.map(({ id }) => ({ id, outcome: "discarded" as const })),
    });
    const created = await tx.aiSuggestion.createManyAndReturn({
      data: bodies.map((body) => ({
        organizationId,
        conversationId: input.conversationId,
        kind: "reply",
        source,
        body,
        offeredToUserId: actor.userId,
        promptVersionId,
      })),
      select: { id: true, body: true },
    });
    await recordAudit(tx, {
      organizationId,
      actorUserId: actor.userId,
      action: "ai_suggestion.offered",
      targetType: "conversation",
      targetId: input.conversationId,
      metadata: { source, promptVersionId, suggestionIds: created.map((s) => s.id) },
    });
    return created;
  });
  return { source, suggestions: suggestions.map((s) => ({ ...s, source })) };
}

async function providerSuggestions(
  organizationId: string,
  prompt: PromptRef,
  contactId: string | null,
  turns: ChatTurn[],
  knowledge: readonly KnowledgeEntryDto[],
): Promise<string[]> {
  const { answer } = await completeWithJsonSchema({
    ...suggestionsShape,
    organizationId,
    feature: "suggestion",
    prompt,
    contactIds: contactId ? [contactId] : [],
    temperature: 0.4,
    system: renderPrompt(prompt.body, { knowledge: knowledgeContext(knowledge) }),
    messages: turns,
  });
  return answer.suggestions;
}
