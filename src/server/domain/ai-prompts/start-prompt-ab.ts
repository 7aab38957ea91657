import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import type { startPromptAbInput } from "../../../shared/schemas/ai-prompts";
import type { z } from "../../../shared/zod";
import type { Actor } from "../members/actor";
import type { PromptVersionDto } from "./prompt-version-dto";
import { lockPromptVersion, setActiveShares } from "./set-active-shares";

/**
 * A/B between two published versions of one feature: B answers `shareB`% of conversations, A the rest,
 * each conversation always the same one (see promptFor). Ended by rolling back to either.
 */
export async function startPromptAb(
  actor: Actor,
  input: z.infer<typeof startPromptAbInput>,
): Promise<PromptVersionDto[]> {
  if (input.versionAId === input.versionBId) throw new AppError("BAD_REQUEST", "aiPromptAbNeedsTwoVersions");
  return withOrganization(actor.organizationId, async (tx) => {
    // Locked in id order, so two A/B changes of the same pair cannot deadlock.
    const [first, second] = [input.versionAId, input.versionBId].sort();
    const locked = [
      await lockPromptVersion(tx, actor.organizationId, first!),
      await lockPromptVersion(tx, actor.organizationId, second!),
    ];
    const a = locked.find((version) => version.id === input.versionAId)!;
    const b = locked.find((version) => version.id === input.versionBId)!;
    if (a.feature !== b.feature) throw new AppError("BAD_REQUEST", "aiPromptAbNeedsTwoVersions");
    if (a.status !== "published" || b.status !== "published") throw new AppError("CONFLICT", "aiPromptNotPublished");
    return setActiveShares(tx, actor, {
      feature: a.feature,
      shares: [
        { id: a.id, share: 100 - input.shareB },
        { id: b.id, share: input.shareB },
      ],
      action: "ai_prompt.ab_started",
    });
  });
}
