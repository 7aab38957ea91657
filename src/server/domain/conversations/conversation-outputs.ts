import { z } from "../../../shared/zod";
import { searchCursor } from "../../../shared/schemas/inbox";
import { tagOutput } from "../tags/tag-outputs";

const listCursor = z.object({ at: z.string(), id: z.string() });

export const conversationOutput = z.object({
  id: z.string(),
  kind: z.enum(["direct", "group"]),
  status: z.enum(["open", "pending", "closed"]),
  title: z.string(),
  phone: z.string().nullable(),
  contactId: z.string().nullable(),
  instance: z.object({ id: z.string(), name: z.string() }),
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  tags: z.array(tagOutput),
  unreadCount: z.number(),
  lastActivityAt: z.string(),
  lastMessagePreview: z.string().nullable(),
  lastMessageDirection: z.enum(["inbound", "outbound", "internal"]).nullable(),
  /** Search hit: the matching message's text. */
  snippet: z.string().optional(),
});

export const listConversationsOutput = z.object({
  items: z.array(conversationOutput),
  nextCursor: listCursor.nullable(),
});

export const searchConversationsOutput = z.object({
  items: z.array(conversationOutput),
  nextCursor: searchCursor.nullable(),
});

export const getConversationOutput = conversationOutput.extend({
  chatAddress: z.string(),
  instanceState: z.enum(["open", "connecting", "close", "refused"]),
  contact: z
    .object({
      id: z.string(),
      name: z.string().nullable(),
      pushName: z.string().nullable(),
      phone: z.string().nullable(),
      lid: z.string().nullable(),
    })
    .nullable(),
});
