import { z } from "../../../shared/zod";

export const optInFormOutput = z.object({
  id: z.string(),
  token: z.string(),
  instanceId: z.string(),
  campaignId: z.string().nullable(),
  wording: z.string(),
  wordingVersion: z.number(),
  active: z.boolean(),
  /** Confirmed opt-ins through this form. */
  confirmed: z.number(),
  pending: z.number(),
});
export const listOptInFormsOutput = z.array(optInFormOutput);
