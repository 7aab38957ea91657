import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import type { Actor } from "../members/actor";
import type { PromptVersionDto } from "./prompt-version-dto";
import { lockPromptVersion, setActiveShares } from "./set-active-shares";

/** Publishes a draft: frozen from now on, it answers every conversation of its feature (ending any A/B). */
export async function publishPromptVersion(actor: Actor, input: { id: string }): Promise<PromptVersionDto> {
  return withOrganization(actor.organizationId, async (tx) => {
    const version = await lockPromptVersion(tx, actor.organizationId, input.id);
    if (version.status !== "draft") throw new AppError("CONFLICT", "aiPromptAlreadyPublished");
    const [published] = await setActiveShares(tx, actor, {
      feature: version.feature,
      shares: [{ id: version.id, share: 100 }],
      action: "ai_prompt.published",
    });
    return published!;
  });
}
