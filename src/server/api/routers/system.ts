import { z } from "zod";
import { describeActor } from "../../domain/members/describe-actor";
import { requestRealtimeCheck } from "../../domain/system/request-realtime-check";
import { organizationProcedure, router } from "../trpc";

export const systemRouter = router({
  me: organizationProcedure
    .output(
      z.object({
        userId: z.string(),
        organizationId: z.string(),
        role: z.enum(["owner", "admin", "agent"]),
        isAdmin: z.boolean(),
      }),
    )
    .query(({ ctx }) => describeActor(ctx.actor)),
  realtimeCheck: organizationProcedure
    .output(z.object({ checkId: z.string(), requestedAt: z.string() }))
    .mutation(({ ctx }) => requestRealtimeCheck(ctx.actor)),
});
