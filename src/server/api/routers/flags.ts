import { z } from "zod";
import { setFeatureFlagInput } from "../../../shared/schemas/flags";
import { listFeatureFlagsOutput } from "../../domain/flags/flag-outputs";
import { listFeatureFlags } from "../../domain/flags/list-feature-flags";
import { setFeatureFlag } from "../../domain/flags/set-feature-flag";
import { adminProcedure, router } from "../trpc";

export const flagsRouter = router({
  list: adminProcedure.output(listFeatureFlagsOutput).query(({ ctx }) => listFeatureFlags(ctx.actor)),
  set: adminProcedure
    .input(setFeatureFlagInput)
    .output(z.void())
    .mutation(({ ctx, input }) => setFeatureFlag(ctx.actor, input)),
});
