import { z } from "zod";
import { requestRealtimeCheck } from "../../domain/system/request-realtime-check";
import { organizationProcedure, router } from "../trpc";

export const systemRouter = router({
  me: organizationProcedure
    .output(z.object({ userId: z.string(), organizationId: z.string(), role: z.enum(["owner", "admin", "agent"]) }))
    .query(({ ctx }) => ctx.actor),
  realtimeCheck: organizationProcedure
    .output(z.object({ checkId: z.string(), requestedAt: z.string() }))
    .mutation(({ ctx }) => requestRealtimeCheck(ctx.actor)),
});
