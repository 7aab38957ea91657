import { z } from "../../../shared/zod";

export const issuePasswordResetOutput = z.object({ link: z.string(), expiresAt: z.date() });
export const resetPasswordOutput = z.object({ endedSessions: z.number().int() });
