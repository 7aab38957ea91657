import { z } from "../../../shared/zod";

export const requestRealtimeCheckOutput = z.object({ checkId: z.string(), requestedAt: z.string() });
