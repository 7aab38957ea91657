import { withOrganization } from "../../db/tenant";
import { logger } from "../../logger";
import type { AiCallRefusal } from "../ai/call-ai-provider";
import { loadAiCallPolicy } from "../ai/load-ai-call-policy";
import { classifyLocally } from "../ai/local-engine";
import { classifyWithProvider } from "../ai/provider-engine";
import type { PromptFeature } from "../../../shared/ai-prompts";
import { toJsonColumn } from "../../db/json-column";
import { evaluationPerLabelSchema } from "./ai-prompts-outputs";
import { evaluationMetrics } from "./evaluation-metrics";
import { loadEvaluationSet } from "./evaluation-set";

/**
 * The `ai.evaluate` job: classifies every message of the evaluation set with the run's prompt version
 * (through the one call path, logged as feature "evaluation") or the local engine, and stores accuracy,
 * macro-F1 and per-label scores. Nothing else is written: the messages keep their insights. A refusal
 * that holds for the organization (no provider, transfer off, budget spent) ends the run as failed with
 * its code; a message the provider could not answer is left out of the figures (`answered` < `size`).
 */
export async function runPromptEvaluation(input: { organizationId: string; runId: string }): Promise<void> {
  const { organizationId } = input;
  const context = await withOrganization(organizationId, async (tx) => {
    const run = await tx.aiEvaluationRun.findFirst({
      where: { id: input.runId, organizationId, status: { in: ["queued", "running"] } },
      select: { id: true, promptVersion: { select: { id: true, feature: true, number: true, body: true } } },
    });
    if (!run) return null;
    const items = await loadEvaluationSet(tx, organizationId);
    await tx.aiEvaluationRun.update({ where: { id: run.id }, data: { status: "running", size: items.length } });
    const { aiLabels } = await tx.organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: { aiLabels: true },
    });
    return { run, items, labels: aiLabels, policy: await loadAiCallPolicy(tx, organizationId) };
  });
  // Already finished (a second delivery of the job): nothing to do.
  if (!context) return;
  const { run, items, labels, policy } = context;
  const version = run.promptVersion
    ? { ...run.promptVersion, feature: run.promptVersion.feature as PromptFeature }
    : null;

  const pairs: { truth: string | null; predicted: string | null }[] = [];
  let stopped: AiCallRefusal | null = null;
  try {
    for (const item of items) {
      if (!version) {
        pairs.push({ truth: item.truth, predicted: (await classifyLocally(item.text, labels)).label });
        continue;
      }
      const result = await classifyWithProvider({
        organizationId,
        feature: "evaluation",
        prompt: version,
        text: item.text,
        labels,
        contactIds: item.contactId ? [item.contactId] : [],
        policy,
      });
      if (result.ok) pairs.push({ truth: item.truth, predicted: result.insight.label });
      else if (result.refusal !== "provider_failed" && result.refusal !== "contact_ai_opt_out") {
        stopped = result.refusal;
        break;
      }
    }
  } catch (error) {
    logger.error({ err: error, runId: run.id }, "evaluation run failed");
    stopped = "provider_failed";
  }
  const metrics = evaluationMetrics(pairs);
  await withOrganization(organizationId, (tx) =>
    tx.aiEvaluationRun.update({
      where: { id: run.id },
      data: {
        status: stopped ? "failed" : "done",
        errorCode: stopped,
        answered: pairs.length,
        accuracy: metrics.accuracy,
        macroF1: metrics.macroF1,
        perLabel: toJsonColumn(evaluationPerLabelSchema, metrics.perLabel),
        finishedAt: new Date(),
      },
    }),
  );
}
