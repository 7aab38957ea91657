import type { Actor } from "../members/actor";
import type { PromptVersionDto } from "./prompt-version-dto";
import { makeSoleActive } from "./set-active-shares";

/**
 * Makes an earlier published version answer every conversation again (a rollback, or keeping one side
 * of an A/B). Drafts are published, not rolled back to.
 */
export function rollbackPromptVersion(actor: Actor, input: { id: string }): Promise<PromptVersionDto> {
  return makeSoleActive(actor, { id: input.id, kind: "rollback" });
}
