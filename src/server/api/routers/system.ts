import { describeActor } from "../../domain/members/describe-actor";
import { requestRealtimeCheck } from "../../domain/system/request-realtime-check";
import { organizationProcedure, router } from "../trpc";
import { describeActorOutput } from "../../domain/members/member-outputs";
import { requestRealtimeCheckOutput } from "../../domain/system/system-outputs";

export const systemRouter = router({
  me: organizationProcedure.output(describeActorOutput).query(({ ctx }) => describeActor(ctx.actor)),
  realtimeCheck: organizationProcedure
    .output(requestRealtimeCheckOutput)
    .mutation(({ ctx }) => requestRealtimeCheck(ctx.actor)),
});
