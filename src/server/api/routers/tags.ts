import { createTagInput } from "../../../shared/schemas/inbox";
import { createTag, listTags } from "../../domain/tags/tags";
import { organizationProcedure, router } from "../trpc";
import { createTagOutput, listTagsOutput } from "../../domain/tags/tag-outputs";

export const tagsRouter = router({
  list: organizationProcedure.output(listTagsOutput).query(({ ctx }) => listTags(ctx.actor)),
  create: organizationProcedure
    .input(createTagInput)
    .output(createTagOutput)
    .mutation(({ ctx, input }) => createTag(ctx.actor, input)),
});
