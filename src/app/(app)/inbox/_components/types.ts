export type { ConversationDto } from "~/server/domain/conversations/conversation-dto";
export type { ConversationDetail } from "~/server/domain/conversations/get-conversation";
export type { MessageDto } from "~/server/domain/messages/message-dto";

export interface Cursor {
  at: string;
  id: string;
}
