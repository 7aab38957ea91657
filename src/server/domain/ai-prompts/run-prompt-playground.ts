import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { renderPrompt, type PromptFeature } from "../../../shared/ai-prompts";
import type { z } from "../../../shared/zod";
import { callAiProvider, type AiCallResult } from "../ai/call-ai-provider";
import { classifyWithProvider, completeWithJsonSchema, type AnswerShape, type ChatTurn } from "../ai/provider-engine";
import { summaryMessages, summaryTranscript } from "../ai/summarize-conversation";
import { autoReplyShape } from "../ai-replies/generate-auto-reply";
import { knowledgeContext, loadKnowledge } from "../ai-replies/knowledge-entries";
import { providerForConversation } from "../ai-replies/provider-for-conversation";
import { recentTurns } from "../ai-replies/recent-turns";
import { autoReplyValues, rewriteInstruction } from "../ai-replies/reply-prompts";
import { rewriteShape } from "../ai-replies/rewrite-draft";
import { suggestionsShape } from "../ai-replies/suggest-replies";
import type { Actor } from "../members/actor";
import type { playgroundOutput } from "./ai-prompts-outputs";
import { promptLabel } from "./active-prompts";

type PlaygroundResult = z.infer<typeof playgroundOutput>;
type Call = Extract<AiCallResult, { ok: true }>;

const figures = (output: string, call: Call): PlaygroundResult => ({
  output,
  model: call.model,
  tokensIn: call.tokensIn,
  tokensOut: call.tokensOut,
  cost: call.cost,
  latencyMs: call.latencyMs,
});

const refused = (result: Exclude<AiCallResult, { ok: true }>) =>
  new AppError(
    result.refusal === "no_provider" ? "BAD_REQUEST" : "UPSTREAM_UNAVAILABLE",
    result.refusal === "no_provider" ? "aiProviderMissing" : "aiProviderBadFormat",
    { params: { refusal: result.refusal } },
  );

/**
 * Runs any version (a draft before publishing) on a chosen conversation through the one call path, as
 * its feature would, and shows the answer with tokens, cost and latency. Writes nothing but the call log
 * (feature "playground"): no insight, summary or suggestion is stored and nothing is sent.
 */
export async function runPromptPlayground(
  actor: Actor,
  input: { versionId: string; conversationId: string },
): Promise<PlaygroundResult> {
  const { organizationId } = actor;
  const context = await withOrganization(organizationId, async (tx) => {
    const version = await tx.aiPromptVersion.findFirst({
      where: { id: input.versionId, organizationId },
      select: { id: true, feature: true, number: true, body: true },
    });
    if (!version) throw new AppError("NOT_FOUND", "aiPromptVersionNotFound");
    const { conversation, aiOptOut } = await providerForConversation(tx, organizationId, input.conversationId);
    if (aiOptOut) throw new AppError("FORBIDDEN", "aiOptedOutContact");
    const organization = await tx.organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: { aiLabels: true, locale: true },
    });
    const settings = await tx.aiAutoReplySettings.findUnique({
      where: { instanceId: conversation.instanceId },
      select: { blockedTopics: true },
    });
    return {
      version: { ...version, feature: version.feature as PromptFeature },
      contactIds: conversation.contactId ? [conversation.contactId] : [],
      organization,
      blockedTopics: settings?.blockedTopics ?? [],
      turns: await recentTurns(tx, conversation.id),
      summaryMessages: await summaryMessages(tx, organizationId, conversation.id),
      knowledge: knowledgeContext(await loadKnowledge(tx, organizationId)),
    };
  });
  const { version, contactIds, turns } = context;
  const base = { organizationId, feature: "playground" as const, prompt: version, contactIds };

  if (version.feature === "classification") {
    const text = turns.findLast((turn) => turn.role === "user")?.content;
    if (!text) throw new AppError("BAD_REQUEST", "aiPlaygroundNoMessage");
    const result = await classifyWithProvider({ ...base, text, labels: context.organization.aiLabels });
    if (!result.ok) throw refused(result);
    return figures(JSON.stringify(result.insight, null, 2), result.call);
  }
  if (version.feature === "summary") {
    if (!context.summaryMessages.length) throw new AppError("BAD_REQUEST", "aiPlaygroundNoMessage");
    const result = await callAiProvider({
      ...base,
      promptVersion: promptLabel(version),
      promptVersionId: version.id,
      temperature: 0.2,
      messages: [
        { role: "system", content: renderPrompt(version.body, { locale: context.organization.locale }) },
        { role: "user", content: summaryTranscript(context.summaryMessages) },
      ],
    });
    if (!result.ok) throw refused(result);
    return figures(result.content.trim(), result);
  }
  if (!turns.length) throw new AppError("BAD_REQUEST", "aiPlaygroundNoMessage");
  const json = async (shape: AnswerShape<z.ZodType>, values: Record<string, string>, messages: ChatTurn[]) => {
    const { answer, call } = await completeWithJsonSchema({
      ...base,
      ...shape,
      system: renderPrompt(version.body, values),
      messages,
    });
    return figures(JSON.stringify(answer, null, 2), call);
  };
  if (version.feature === "suggestion") return json(suggestionsShape, { knowledge: context.knowledge }, turns);
  if (version.feature === "auto_reply")
    return json(autoReplyShape, autoReplyValues(context.blockedTopics, context.knowledge), turns);
  // Rewrite: the agent's newest reply stands in for a draft.
  const draft = turns.findLast((turn) => turn.role === "assistant") ?? turns.at(-1)!;
  return json(rewriteShape, { instruction: rewriteInstruction("rephrase", "") }, [
    { role: "user", content: draft.content },
  ]);
}
