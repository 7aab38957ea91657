export type AiFeature =
  | "classification"
  | "summary"
  | "test_connection"
  | "suggestion"
  | "auto_reply"
  | "rewrite"
  | "playground"
  | "evaluation";

/** Why no external call was made: the caller falls back to the local engine or reports the code. */
export type AiCallRefusal =
  "no_provider" | "external_transfer_off" | "contact_ai_opt_out" | "budget_exhausted" | "provider_failed";
