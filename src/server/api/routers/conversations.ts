import { z } from "zod";
import {
  addNoteInput,
  assignConversationInput,
  conversationIdInput,
  conversationTagInput,
  listConversationsInput,
  listMessagesInput,
  messageChangesInput,
  messageIdInput,
  searchConversationsInput,
  sendReplyInput,
  setConversationStatusInput,
} from "../../../shared/schemas/inbox";
import { getConversation } from "../../domain/conversations/get-conversation";
import { listConversations } from "../../domain/conversations/list-conversations";
import { searchConversations } from "../../domain/conversations/search-conversations";
import {
  assignConversation,
  markConversationRead,
  setConversationStatus,
} from "../../domain/conversations/update-conversation";
import { addNote } from "../../domain/messages/add-note";
import { listMessageChanges, listMessages } from "../../domain/messages/list-messages";
import { retryMessage } from "../../domain/messages/retry-message";
import { retryMessageMedia } from "../../domain/messages/retry-message-media";
import { sendReply } from "../../domain/messages/send-reply";
import { setConversationTag } from "../../domain/tags/tags";
import { organizationProcedure, router } from "../trpc";

export const conversationsRouter = router({
  list: organizationProcedure
    .input(listConversationsInput)
    .query(({ ctx, input }) => listConversations(ctx.actor, input)),
  search: organizationProcedure
    .input(searchConversationsInput)
    .query(({ ctx, input }) => searchConversations(ctx.actor, input)),
  get: organizationProcedure.input(conversationIdInput).query(({ ctx, input }) => getConversation(ctx.actor, input)),
  messages: organizationProcedure.input(listMessagesInput).query(({ ctx, input }) => listMessages(ctx.actor, input)),
  messageChanges: organizationProcedure
    .input(messageChangesInput)
    .query(({ ctx, input }) => listMessageChanges(ctx.actor, input)),
  reply: organizationProcedure.input(sendReplyInput).mutation(({ ctx, input }) => sendReply(ctx.actor, input)),
  addNote: organizationProcedure.input(addNoteInput).mutation(({ ctx, input }) => addNote(ctx.actor, input)),
  retryMessage: organizationProcedure
    .input(messageIdInput)
    .mutation(({ ctx, input }) => retryMessage(ctx.actor, input)),
  retryMedia: organizationProcedure
    .input(messageIdInput)
    .mutation(({ ctx, input }) => retryMessageMedia(ctx.actor, input)),
  setStatus: organizationProcedure
    .input(setConversationStatusInput)
    .mutation(({ ctx, input }) => setConversationStatus(ctx.actor, input)),
  assign: organizationProcedure
    .input(assignConversationInput)
    .mutation(({ ctx, input }) => assignConversation(ctx.actor, input)),
  markRead: organizationProcedure
    .input(conversationIdInput)
    .mutation(({ ctx, input }) => markConversationRead(ctx.actor, input)),
  setTag: organizationProcedure
    .input(conversationTagInput.extend({ present: z.boolean() }))
    .mutation(({ ctx, input }) => setConversationTag(ctx.actor, input)),
});
