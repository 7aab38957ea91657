import { z } from "zod";
import { idInput, quickReplyInput, updateQuickReplyInput } from "../../../shared/schemas/inbox";
import { deleteQuickReply, listQuickReplies, saveQuickReply } from "../../domain/quick-replies/quick-replies";
import { adminProcedure, organizationProcedure, router } from "../trpc";
import { listQuickRepliesOutput, saveQuickReplyOutput } from "../../domain/quick-replies/quick-reply-outputs";

export const quickRepliesRouter = router({
  list: organizationProcedure.output(listQuickRepliesOutput).query(({ ctx }) => listQuickReplies(ctx.actor)),
  create: adminProcedure
    .input(quickReplyInput)
    .output(saveQuickReplyOutput)
    .mutation(({ ctx, input }) => saveQuickReply(ctx.actor, input)),
  update: adminProcedure
    .input(updateQuickReplyInput)
    .output(saveQuickReplyOutput)
    .mutation(({ ctx, input }) => saveQuickReply(ctx.actor, input)),
  delete: adminProcedure
    .input(idInput)
    .output(z.void())
    .mutation(({ ctx, input }) => deleteQuickReply(ctx.actor, input)),
});
