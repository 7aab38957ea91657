import { z } from "zod";
import { listDeadDeliveries, reprocessDelivery } from "../../domain/webhooks/dead-deliveries";
import { adminProcedure, router } from "../trpc";
import { listDeadDeliveriesOutput } from "../../domain/webhooks/webhook-outputs";

export const webhooksRouter = router({
  deadDeliveries: adminProcedure
    .input(z.object({ limit: z.number().int().min(1).max(200).default(100) }))
    .output(listDeadDeliveriesOutput)
    .query(({ ctx, input }) => listDeadDeliveries(ctx.actor, input)),
  reprocess: adminProcedure
    .input(z.object({ deliveryId: z.uuid() }))
    .output(z.void())
    .mutation(({ ctx, input }) => reprocessDelivery(ctx.actor, input)),
});
