import type { RouterOutputs } from "~/trpc/types";

type Conversations = RouterOutputs["conversations"];

export type ConversationDto = Conversations["list"]["items"][number];
export type ConversationDetail = Conversations["get"];
export type MessageDto = Conversations["messages"]["items"][number];

export interface Cursor {
  at: string;
  id: string;
}
