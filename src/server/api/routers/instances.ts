import { z } from "zod";
import { connectInstanceInput, createInstanceInput, instanceIdInput } from "../../../shared/schemas/instances";
import { connectInstance } from "../../domain/instances/connect-instance";
import { createInstance } from "../../domain/instances/create-instance";
import { getInstance } from "../../domain/instances/get-instance";
import { listInstances } from "../../domain/instances/list-instances";
import { runInstanceAction } from "../../domain/instances/run-instance-action";
import { adminProcedure, organizationProcedure, router } from "../trpc";
import {
  connectInstanceOutput,
  createInstanceOutput,
  getInstanceOutput,
  listInstancesOutput,
} from "../../domain/instances/instance-outputs";

export const instancesRouter = router({
  list: organizationProcedure.output(listInstancesOutput).query(({ ctx }) => listInstances(ctx.actor)),
  get: organizationProcedure
    .input(instanceIdInput)
    .output(getInstanceOutput)
    .query(({ ctx, input }) => getInstance(ctx.actor, input)),
  create: adminProcedure
    .input(createInstanceInput)
    .output(createInstanceOutput)
    .mutation(({ ctx, input }) => createInstance(ctx.actor, input)),
  connect: adminProcedure
    .input(connectInstanceInput)
    .output(connectInstanceOutput)
    .mutation(({ ctx, input }) => connectInstance(ctx.actor, input)),
  action: adminProcedure
    .input(instanceIdInput.extend({ action: z.enum(["restart", "logout", "delete"]) }))
    .output(z.void())
    .mutation(({ ctx, input }) => runInstanceAction(ctx.actor, input)),
});
