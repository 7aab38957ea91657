import { z } from "zod";
import type { HandoffReason, ReplyCheck } from "../../../shared/auto-reply";
import { languageOf } from "../ai/local-engine";
import { completeWithJsonSchema, type AnswerShape, type ChatTurn } from "../ai/provider-engine";
import { checkReply } from "./check-reply";
import { knowledgeContext, type KnowledgeEntryDto } from "./knowledge-entries";
import { resolvePrompt } from "../ai-prompts/active-prompts";
import { autoReplyValues } from "./reply-prompts";
import { renderPrompt } from "../../../shared/ai-prompts";

/** The reasons the model itself may give; the others are decided in code. */
const modelHandoffReasons = ["human_requested", "negative_sentiment", "low_confidence", "blocked_topic"] as const;

/** What the provider must answer with: a typed decision, not a magic phrase. */
export const autoReplyShape = {
  name: "auto_reply_decision",
  jsonSchema: {
    type: "object",
    additionalProperties: false,
    required: ["decision", "handoff_reason", "reply", "confidence"],
    properties: {
      decision: { type: "string", enum: ["reply", "handoff"] },
      handoff_reason: { type: "string", enum: [...modelHandoffReasons, "none"] },
      reply: { type: "string" },
      confidence: { type: "number", minimum: 0, maximum: 1 },
    },
  },
  answer: z.object({
    decision: z.enum(["reply", "handoff"]),
    handoff_reason: z.enum([...modelHandoffReasons, "none"]),
    reply: z.string().max(4000),
    confidence: z.number().min(0).max(1),
  }),
} satisfies AnswerShape<z.ZodType>;

export type AutoReplyDecision =
  | { kind: "reply"; body: string; confidence: number }
  | { kind: "handoff"; reason: HandoffReason; confidence: number | null }
  | { kind: "rejected"; check: ReplyCheck; body: string; confidence: number };

/**
 * Asks the provider for a typed decision (reply or hand off, and why; not a magic phrase), then checks
 * the reply in code against the knowledge base and the customer's language.
 */
export async function generateAutoReply(input: {
  organizationId: string;
  contactId: string;
  conversationId: string;
  turns: ChatTurn[];
  knowledge: readonly KnowledgeEntryDto[];
  blockedTopics: readonly string[];
  minConfidence: number;
  customerText: string;
}): Promise<AutoReplyDecision> {
  const prompt = await resolvePrompt(input.organizationId, "auto_reply", input.conversationId);
  const { answer } = await completeWithJsonSchema({
    ...autoReplyShape,
    organizationId: input.organizationId,
    feature: "auto_reply",
    prompt,
    contactIds: [input.contactId],
    system: renderPrompt(prompt.body, autoReplyValues(input.blockedTopics, knowledgeContext(input.knowledge))),
    messages: input.turns,
  });
  if (answer.decision === "handoff")
    return {
      kind: "handoff",
      reason: answer.handoff_reason === "none" ? "low_confidence" : answer.handoff_reason,
      confidence: answer.confidence,
    };
  if (answer.confidence < input.minConfidence || !answer.reply.trim())
    return { kind: "handoff", reason: "low_confidence", confidence: answer.confidence };
  const body = answer.reply.trim();
  const check = checkReply({
    reply: body,
    knowledge: input.knowledge.map((e) => `${e.question ?? ""} ${e.content}`).join("\n"),
    replyLanguage: await languageOf(body),
    customerLanguage: await languageOf(input.customerText),
  });
  if (check) return { kind: "rejected", check, body, confidence: answer.confidence };
  return { kind: "reply", body, confidence: answer.confidence };
}
