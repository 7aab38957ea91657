import type { Actor } from "../members/actor";
import type { PromptVersionDto } from "./prompt-version-dto";
import { makeSoleActive } from "./set-active-shares";

/** Publishes a draft: frozen from now on, it answers every conversation of its feature (ending any A/B). */
export function publishPromptVersion(actor: Actor, input: { id: string }): Promise<PromptVersionDto> {
  return makeSoleActive(actor, { id: input.id, kind: "publish" });
}
