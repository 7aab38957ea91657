import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import type { Actor } from "../members/actor";
import type { PromptVersionDto } from "./prompt-version-dto";
import { lockPromptVersion, setActiveShares } from "./set-active-shares";

/**
 * Makes an earlier published version answer every conversation again (a rollback, or keeping one side
 * of an A/B). Drafts are published, not rolled back to.
 */
export async function rollbackPromptVersion(actor: Actor, input: { id: string }): Promise<PromptVersionDto> {
  return withOrganization(actor.organizationId, async (tx) => {
    const version = await lockPromptVersion(tx, actor.organizationId, input.id);
    if (version.status !== "published") throw new AppError("CONFLICT", "aiPromptNotPublished");
    const [active] = await setActiveShares(tx, actor, {
      feature: version.feature,
      shares: [{ id: version.id, share: 100 }],
      action: "ai_prompt.rolled_back",
    });
    return active!;
  });
}
