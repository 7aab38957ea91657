import { z } from "zod";

export const listSlowQueriesOutput = z.array(
  z.object({
    id: z.string(),
    query: z.string(),
    count: z.number().int(),
    totalMs: z.number(),
    maxMs: z.number(),
    lastMs: z.number(),
    explain: z.string().nullable(),
    firstSeenAt: z.date(),
    lastSeenAt: z.date(),
  }),
);
