import { withOrganization } from "../../db/tenant";
import type { PromptFeature } from "../../../shared/ai-prompts";
import type { z } from "../../../shared/zod";
import type { Actor } from "../members/actor";
import { ensureDefaultPrompts } from "./active-prompts";
import type { listPromptVersionsOutput } from "./ai-prompts-outputs";
import { countEvaluationSet } from "./evaluation-set";
import { evaluationRunSelect, promptVersionSelect, toEvaluationRunDto, toPromptVersionDto } from "./prompt-version-dto";

/** A feature's versions, newest first, with their newest evaluation (and the local engine's, for classification). */
export async function listPromptVersions(
  actor: Actor,
  input: { feature: PromptFeature },
): Promise<z.infer<typeof listPromptVersionsOutput>> {
  const { organizationId } = actor;
  return withOrganization(organizationId, async (tx) => {
    await ensureDefaultPrompts(tx, organizationId);
    const versions = await tx.aiPromptVersion.findMany({
      where: { organizationId, feature: input.feature },
      select: promptVersionSelect,
      orderBy: { number: "desc" },
    });
    const classification = input.feature === "classification";
    const local = classification
      ? await tx.aiEvaluationRun.findFirst({
          where: { organizationId, promptVersionId: null },
          select: evaluationRunSelect,
          orderBy: { createdAt: "desc" },
        })
      : null;
    return {
      versions: versions.map(toPromptVersionDto),
      localEvaluation: local ? toEvaluationRunDto(local) : null,
      evaluationSetSize: classification ? await countEvaluationSet(tx, organizationId) : 0,
    };
  });
}
