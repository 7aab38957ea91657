import { z } from "../../../shared/zod";

export const sessionOutput = z.object({
  sessionId: z.string(),
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  createdAt: z.date(),
  lastSeenAt: z.date(),
  current: z.boolean(),
});

export const listMySessionsOutput = z.array(sessionOutput);
export const revokeSessionsOutput = z.object({ revoked: z.number().int() });
