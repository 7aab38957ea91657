import { z } from "zod";

const errorGroupSummary = z.object({
  id: z.string(),
  source: z.enum(["web", "worker", "browser"]),
  errorName: z.string(),
  message: z.string(),
  status: z.enum(["open", "resolved", "ignored"]),
  count: z.number().int(),
  firstSeenAt: z.date(),
  lastSeenAt: z.date(),
  lastRelease: z.string(),
  system: z.boolean(),
});

export const listErrorGroupsOutput = z.object({
  groups: z.array(errorGroupSummary),
  /** Whether the actor may switch to the system-wide errors. */
  canSeeSystem: z.boolean(),
});

export const getErrorGroupOutput = errorGroupSummary.extend({
  occurrences: z.array(
    z.object({
      id: z.string(),
      occurredAt: z.date(),
      release: z.string(),
      traceId: z.string().nullable(),
      stack: z.string(),
      context: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    }),
  ),
});

export type ErrorGroupSummary = z.infer<typeof errorGroupSummary>;
