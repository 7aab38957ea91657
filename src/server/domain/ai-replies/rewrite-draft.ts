import { z } from "zod";
import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import type { DraftRewrite } from "../../../shared/auto-reply";
import { providerForConversation } from "./provider-for-conversation";
import { rewriteInstruction } from "./reply-prompts";
import { resolvePrompt } from "../ai-prompts/active-prompts";
import { renderPrompt } from "../../../shared/ai-prompts";
import type { z as zod } from "../../../shared/zod";
import { completeWithJsonSchema, type AnswerShape } from "../ai/provider-engine";
import type { Actor } from "../members/actor";
import type { rewriteDraftOutput } from "./ai-replies-outputs";
import { recordAudit } from "../audit/record-audit";

/** What the provider must answer with. */
export const rewriteShape = {
  name: "draft_rewrite",
  jsonSchema: {
    type: "object",
    additionalProperties: false,
    required: ["text"],
    properties: { text: { type: "string" } },
  },
  answer: z.object({ text: z.string().min(1).max(4000) }),
} satisfies AnswerShape<z.ZodType>;

/**
 * The agent's draft rephrased, fixed, re-toned or translated by the provider. Stored as an offered
 * suggestion, settled like the others by what the agent sends. Needs a provider: the local engine
 * cannot write; a "sem IA" contact's conversation never leaves the machine.
 */
export async function rewriteDraft(
  actor: Actor,
  input: { conversationId: string; draft: string; rewrite: DraftRewrite; targetLanguage: string },
): Promise<zod.infer<typeof rewriteDraftOutput>> {
  const { organizationId } = actor;
  const provider = await withOrganization(organizationId, async (tx) => {
    const { aiOptOut, provider } = await providerForConversation(tx, organizationId, input.conversationId);
    if (aiOptOut) throw new AppError("FORBIDDEN", "aiOptedOutContact");
    return provider;
  });
  if (!provider) throw new AppError("BAD_REQUEST", "aiProviderMissing");
  const prompt = await resolvePrompt(organizationId, "rewrite", input.conversationId);
  const { answer: result } = await completeWithJsonSchema({
    ...rewriteShape,
    organizationId,
    feature: "rewrite",
    prompt,
    system: renderPrompt(prompt.body, { instruction: rewriteInstruction(input.rewrite, input.targetLanguage) }),
    messages: [{ role: "user", content: input.draft }],
  });
  const suggestion = await withOrganization(organizationId, async (tx) => {
    const created = await tx.aiSuggestion.create({
      data: {
        organizationId,
        conversationId: input.conversationId,
        kind: input.rewrite,
        source: "provider",
        body: result.text,
        promptVersionId: prompt.id,
        offeredToUserId: actor.userId,
      },
      select: { id: true, body: true },
    });
    // The draft's text stays out of the audit trail: the kind of rewrite and the suggestion name it.
    await recordAudit(tx, {
      organizationId,
      actorUserId: actor.userId,
      action: "ai_suggestion.rewritten",
      targetType: "conversation",
      targetId: input.conversationId,
      metadata: { rewrite: input.rewrite, promptVersionId: prompt.id, suggestionId: created.id },
    });
    return created;
  });
  return { ...suggestion, source: "provider" };
}
