import { z } from "zod";

export const listFeatureFlagsOutput = z.array(
  z.object({
    key: z.string(),
    rolloutPercent: z.number().int(),
    override: z.boolean().nullable(),
    enabled: z.boolean(),
  }),
);
