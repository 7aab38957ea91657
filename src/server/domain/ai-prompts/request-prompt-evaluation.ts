import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { enqueue } from "../../jobs/enqueue";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { countEvaluationSet } from "./evaluation-set";
import { evaluationRunSelect, toEvaluationRunDto, type EvaluationRunDto } from "./prompt-version-dto";

/**
 * Queues a run of a classification prompt version (any status: a draft before publishing) or of the
 * local engine (`promptVersionId` null) against the evaluation set; the `ai.evaluate` job does the work.
 */
export async function requestPromptEvaluation(
  actor: Actor,
  input: { promptVersionId: string | null },
): Promise<EvaluationRunDto> {
  const { organizationId } = actor;
  return withOrganization(organizationId, async (tx) => {
    if (input.promptVersionId) {
      const version = await tx.aiPromptVersion.findFirst({
        where: { id: input.promptVersionId, organizationId },
        select: { feature: true },
      });
      if (!version) throw new AppError("NOT_FOUND", "aiPromptVersionNotFound");
      if (version.feature !== "classification") throw new AppError("BAD_REQUEST", "aiEvaluationClassificationOnly");
    }
    if (!(await countEvaluationSet(tx, organizationId))) throw new AppError("BAD_REQUEST", "aiEvaluationSetEmpty");
    const run = await tx.aiEvaluationRun.create({
      data: { organizationId, promptVersionId: input.promptVersionId, requestedByUserId: actor.userId },
      select: evaluationRunSelect,
    });
    await enqueue("ai.evaluate", { organizationId, runId: run.id }, { tx });
    await recordAudit(tx, {
      organizationId,
      actorUserId: actor.userId,
      action: "ai_evaluation.requested",
      targetType: "ai_evaluation_run",
      targetId: run.id,
      metadata: { promptVersionId: input.promptVersionId },
    });
    return toEvaluationRunDto(run);
  });
}
