import { createTagInput } from "../../../shared/schemas/inbox";
import { createTag, listTags } from "../../domain/tags/tags";
import { organizationProcedure, router } from "../trpc";

export const tagsRouter = router({
  list: organizationProcedure.query(({ ctx }) => listTags(ctx.actor)),
  create: organizationProcedure.input(createTagInput).mutation(({ ctx, input }) => createTag(ctx.actor, input)),
});
