import { AppError } from "../../errors";
import { checkPromptVariables, type PromptFeature } from "../../../shared/ai-prompts";

/** Refuses a body with {{variables}} its feature does not fill in, or without those it must have. */
export function checkPromptBody(feature: PromptFeature, body: string): void {
  const { unknown, missing } = checkPromptVariables(feature, body);
  if (unknown.length)
    throw new AppError("VALIDATION", "aiPromptUnknownVariables", {
      params: { variables: unknown.join(", ") },
      fieldErrors: { body: [{ reason: "unknownTemplateVariablesList", params: { variables: unknown.join(", ") } }] },
    });
  if (missing.length)
    throw new AppError("VALIDATION", "aiPromptMissingVariables", {
      params: { variables: missing.join(", ") },
      fieldErrors: { body: [{ reason: "aiPromptMissingVariablesList", params: { variables: missing.join(", ") } }] },
    });
}
