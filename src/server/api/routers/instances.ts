import { z } from "zod";
import { connectInstanceInput, createInstanceInput, instanceIdInput } from "../../../shared/schemas/instances";
import { connectInstance } from "../../domain/instances/connect-instance";
import { createInstance } from "../../domain/instances/create-instance";
import { getInstance } from "../../domain/instances/get-instance";
import { listInstances } from "../../domain/instances/list-instances";
import { runInstanceAction } from "../../domain/instances/run-instance-action";
import { adminProcedure, organizationProcedure, router } from "../trpc";

export const instancesRouter = router({
  list: organizationProcedure.query(({ ctx }) => listInstances(ctx.actor)),
  get: organizationProcedure.input(instanceIdInput).query(({ ctx, input }) => getInstance(ctx.actor, input)),
  create: adminProcedure.input(createInstanceInput).mutation(({ ctx, input }) => createInstance(ctx.actor, input)),
  connect: adminProcedure.input(connectInstanceInput).mutation(({ ctx, input }) => connectInstance(ctx.actor, input)),
  action: adminProcedure
    .input(instanceIdInput.extend({ action: z.enum(["restart", "logout", "delete"]) }))
    .mutation(({ ctx, input }) => runInstanceAction(ctx.actor, input)),
});
