import { withOrganization, type Tx } from "../../db/tenant";
import { recordAudit } from "../audit/record-audit";
import { emitConversationUpdated } from "../conversations/emit-conversation-updated";
import { loadConversation } from "../conversations/load-conversation";
import { callAiProvider } from "./call-ai-provider";
import { extractiveSummary } from "./extractive-summary";
import { LOCAL_ENGINE } from "./local-engine-identity";
import { PROVIDER_ENGINE } from "./provider-settings";
import { recordAiCall } from "./record-ai-call";
import { toSummaryDto, type SummaryDto } from "./summary-dto";
import { activePrompts, promptFor, promptLabel } from "../ai-prompts/active-prompts";
import { renderPrompt } from "../../../shared/ai-prompts";

const LOCAL_SUMMARY_VERSION = "extractive-1";
/** The newest messages a summary reads: older ones matter less and would only cost tokens. */
const MESSAGES_READ = 60;

/** The newest texts a summary reads, oldest first. */
export async function summaryMessages(tx: Tx, organizationId: string, conversationId: string) {
  const messages = await tx.message.findMany({
    where: { conversationId, organizationId, body: { not: null } },
    orderBy: [{ sentAt: "desc" }, { id: "desc" }],
    take: MESSAGES_READ,
    select: { id: true, body: true, direction: true },
  });
  return messages.reverse();
}

/** The conversation as the summary prompt's user message. */
export function summaryTranscript(messages: readonly { body: string | null; direction: string }[]): string {
  return messages
    .map((message) => `${message.direction === "inbound" ? "customer" : "agent"}: ${message.body}`)
    .join("\n")
    .slice(-12_000);
}

/**
 * Summarises a conversation (on demand, or by the `ai.summarize` job when it is closed) through the one
 * call path; when no external call may be made (no provider, transfer off, "sem IA" contact, budget
 * spent, provider failing) a local extractive summary is stored with the reason as a code. Idempotent:
 * nothing new since the last summary of the same trigger returns that summary.
 */
export async function summarizeConversation(input: {
  organizationId: string;
  conversationId: string;
  trigger: "on_demand" | "closed";
  actorUserId: string | null;
}): Promise<SummaryDto> {
  const { organizationId, conversationId } = input;
  const { conversation, messages, latest, locale, prompts } = await withOrganization(organizationId, async (tx) => {
    const conversation = await loadConversation(tx, organizationId, conversationId);
    const messages = await summaryMessages(tx, organizationId, conversationId);
    const latest = await tx.conversationSummary.findFirst({
      where: { conversationId, organizationId, trigger: input.trigger },
      orderBy: { createdAt: "desc" },
    });
    const { locale } = await tx.organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: { locale: true },
    });
    const prompts = await activePrompts(tx, organizationId, "summary");
    return { conversation, messages, latest, locale, prompts };
  });
  const lastMessageId = messages.at(-1)?.id ?? null;
  if (latest && latest.lastMessageId === lastMessageId) return toSummaryDto(latest);

  const prompt = promptFor(prompts, conversationId);
  const result = await callAiProvider({
    organizationId,
    feature: "summary",
    promptVersion: promptLabel(prompt),
    promptVersionId: prompt.id,
    contactIds: conversation.contactId ? [conversation.contactId] : [],
    temperature: 0.2,
    messages: [
      { role: "system", content: renderPrompt(prompt.body, { locale }) },
      { role: "user", content: summaryTranscript(messages) },
    ],
  });
  const made =
    result.ok && result.content.trim()
      ? {
          engine: PROVIDER_ENGINE,
          model: result.model,
          promptVersion: promptLabel(prompt),
          promptVersionId: prompt.id,
          fallbackReason: null,
          summary: result.content.trim().slice(0, 4000),
        }
      : {
          engine: LOCAL_ENGINE,
          model: "extractive",
          promptVersion: LOCAL_SUMMARY_VERSION,
          promptVersionId: null,
          fallbackReason: result.ok ? "empty_answer" : result.refusal,
          summary: extractiveSummary(messages.map((message) => message.body!)),
        };
  if (made.engine === LOCAL_ENGINE) {
    await recordAiCall({
      organizationId,
      feature: "summary",
      engine: LOCAL_ENGINE,
      model: made.model,
      promptVersion: made.promptVersion,
      outcome: "ok",
      // What a local run read never left the machine; the log keeps its size, not the conversation again.
      input: { messages: messages.length },
    });
  }
  const stored = await withOrganization(organizationId, async (tx) => {
    const row = await tx.conversationSummary.create({
      data: { organizationId, conversationId, trigger: input.trigger, lastMessageId, ...made },
    });
    await recordAudit(tx, {
      organizationId,
      actorUserId: input.actorUserId,
      action: "conversation.summarized",
      targetType: "conversation",
      targetId: conversationId,
      metadata: { summaryId: row.id, trigger: input.trigger, engine: made.engine, fallbackReason: made.fallbackReason },
    });
    return row;
  });
  await emitConversationUpdated(organizationId, conversationId);
  return toSummaryDto(stored);
}
