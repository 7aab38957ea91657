import { z } from "zod";
import { getErrorGroupInput, listErrorGroupsInput, setErrorGroupStatusInput } from "../../../shared/schemas/errors";
import { getErrorGroupOutput, listErrorGroupsOutput } from "../../domain/errors/error-outputs";
import { getErrorGroup } from "../../domain/errors/get-error-group";
import { listErrorGroups } from "../../domain/errors/list-error-groups";
import { setErrorGroupStatus } from "../../domain/errors/set-error-group-status";
import { adminProcedure, router } from "../trpc";

export const errorsRouter = router({
  list: adminProcedure
    .input(listErrorGroupsInput)
    .output(listErrorGroupsOutput)
    .query(({ ctx, input }) => listErrorGroups(ctx.actor, input)),
  get: adminProcedure
    .input(getErrorGroupInput)
    .output(getErrorGroupOutput)
    .query(({ ctx, input }) => getErrorGroup(ctx.actor, input)),
  setStatus: adminProcedure
    .input(setErrorGroupStatusInput)
    .output(z.void())
    .mutation(({ ctx, input }) => setErrorGroupStatus(ctx.actor, input)),
});
