import { idInput, quickReplyInput, updateQuickReplyInput } from "../../../shared/schemas/inbox";
import { deleteQuickReply, listQuickReplies, saveQuickReply } from "../../domain/quick-replies/quick-replies";
import { adminProcedure, organizationProcedure, router } from "../trpc";

export const quickRepliesRouter = router({
  list: organizationProcedure.query(({ ctx }) => listQuickReplies(ctx.actor)),
  create: adminProcedure.input(quickReplyInput).mutation(({ ctx, input }) => saveQuickReply(ctx.actor, input)),
  update: adminProcedure.input(updateQuickReplyInput).mutation(({ ctx, input }) => saveQuickReply(ctx.actor, input)),
  delete: adminProcedure.input(idInput).mutation(({ ctx, input }) => deleteQuickReply(ctx.actor, input)),
});
