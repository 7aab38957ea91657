import { isFeatureEnabled } from "../flags/is-feature-enabled";
import { withOrganization } from "../../db/tenant";
import { emitMessageChanges } from "../messages/emit-message-changes";
import type { MessageChange } from "../messages/message-change";
import { applyInsightOptOut } from "./apply-insight-opt-out";
import { classifyWithEngine, localSignature, type SignedInsight } from "./classify-with-engine";
import { loadAiCallPolicy } from "./load-ai-call-policy";
import { activePrompts, promptFor } from "../ai-prompts/active-prompts";
import { recordAiCalls, type AiCallRecord } from "./record-ai-call";
import { redactPersonalData } from "./redact-personal-data";

/**
 * Sentiment and label of inbound texts (the `ai.classify` job of a webhook batch), by the organization's
 * provider when the call path allows it (see callAiProvider), the local engine otherwise; local runs
 * are logged in `ai_calls` too, at cost 0. Classifies outside any transaction (CPU work
 * and HTTP calls hold no connection), then stores all insights in one. Safe to run twice:
 * messages already classified are skipped, and so are those of contacts marked "sem IA".
 */
export async function classifyMessages(input: { organizationId: string; messageIds: string[] }): Promise<{
  classified: number;
}> {
  const { organizationId } = input;
  // Off for an organization (Configurações → Recursos, or outside the rollout): its messages stay unclassified.
  if (!(await isFeatureEnabled(organizationId, "ai.insights"))) return { classified: 0 };
  const { organization, policy, messages, prompts } = await withOrganization(organizationId, async (tx) => ({
    policy: await loadAiCallPolicy(tx, organizationId),
    prompts: await activePrompts(tx, organizationId, "classification"),
    organization: await tx.organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: { aiLabels: true, optOutReply: true },
    }),
    messages: await tx.message.findMany({
      where: {
        id: { in: input.messageIds },
        direction: "inbound",
        // Texts, and voice notes once transcribed (transcribeVoiceNote asks for them).
        OR: [
          { type: "text", body: { not: null } },
          { type: { in: ["audio", "voice"] }, transcript: { not: null } },
        ],
        insight: null,
        conversation: { contact: { aiOptOut: false } },
      },
      select: {
        id: true,
        body: true,
        transcript: true,
        instanceId: true,
        conversationId: true,
        sentAt: true,
        conversation: { select: { contactId: true } },
      },
    }),
  }));
  if (!messages.length) return { classified: 0 };
  const textOf = (message: (typeof messages)[number]) => (message.body ?? message.transcript)!;

  const results: { message: (typeof messages)[number]; insight: SignedInsight }[] = [];
  const localRuns: { messageId: string; run: AiCallRecord }[] = [];
  // A provider that refused once in this job for the whole organization (failed after the SDK's retries,
  // budget spent, no transfer) is not asked again for the rest of it: a slow or dead provider would
  // otherwise hold the batch for timeout × attempts per message. A "sem IA" contact refuses only itself.
  let localOnly = false;
  for (const message of messages) {
    const started = performance.now();
    const insight = await classifyWithEngine({
      organizationId,
      policy,
      contactId: message.conversation.contactId,
      text: textOf(message),
      labels: organization.aiLabels,
      // A/B: the conversation decides which version answers, the same one for all its messages.
      prompt: promptFor(prompts, message.conversationId),
      localOnly,
    });
    if (insight.refusal && insight.refusal !== "contact_ai_opt_out") localOnly = true;
    if (insight.signature.engine === localSignature.engine)
      localRuns.push({
        messageId: message.id,
        run: {
          organizationId,
          feature: "classification",
          engine: localSignature.engine,
          model: localSignature.model,
          promptVersion: localSignature.version,
          latencyMs: Math.round(performance.now() - started),
          outcome: "ok",
          input: { text: policy.redact ? redactPersonalData(textOf(message)) : textOf(message) },
        },
      });
    results.push({ message, insight });
  }

  const outcome = await withOrganization(organizationId, async (tx) => {
    const created = await tx.messageInsight.createManyAndReturn({
      data: results.map(({ message, insight }) => ({
        messageId: message.id,
        organizationId,
        sentiment: insight.sentiment,
        sentimentScore: insight.sentimentScore,
        label: insight.label,
        confidence: insight.confidence,
        language: insight.language,
        engine: insight.signature.engine,
        model: insight.signature.model,
        engineVersion: insight.signature.version,
        promptVersionId: insight.signature.promptVersionId ?? null,
      })),
      // Another run got there first: its insights stand.
      skipDuplicates: true,
      select: { messageId: true },
    });
    const stored = new Set(created.map((row) => row.messageId));
    // Logged with the insights they made, so a second run of the job logs nothing twice.
    await recordAiCalls(
      tx,
      localRuns.filter(({ messageId }) => stored.has(messageId)).map(({ run }) => run),
    );
    // Open conversations catch up on new insights by their created_at (listMessageChanges), so the
    // messages are not rewritten: an update would recompute their search vector and every index.
    const changes: MessageChange[] = [];
    for (const { message, insight } of results) {
      if (!stored.has(message.id)) continue;
      changes.push({ conversationId: message.conversationId, messageId: message.id });
      if (insight.label !== "opt_out" || !message.conversation.contactId) continue;
      changes.push(
        ...(await applyInsightOptOut(tx, {
          organizationId,
          instanceId: message.instanceId,
          conversationId: message.conversationId,
          contactId: message.conversation.contactId,
          messageId: message.id,
          text: textOf(message),
          confidence: insight.confidence,
          signature: insight.signature,
          sentAt: message.sentAt,
          reply: organization.optOutReply,
        })),
      );
    }
    return { changes, classified: stored.size };
  });
  await emitMessageChanges(organizationId, outcome.changes);
  return { classified: outcome.classified };
}
