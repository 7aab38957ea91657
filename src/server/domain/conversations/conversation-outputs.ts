import { z } from "../../../shared/zod";
import { searchCursor } from "../../../shared/schemas/inbox";
import { tagOutput } from "../tags/tag-outputs";

const listCursor = z.object({ at: z.string(), id: z.string() });

export const conversationOutput = z.object({
  id: z.string(),
  kind: z.enum(["direct", "group"]),
  status: z.enum(["open", "pending", "closed"]),
  /** Null when there is nothing to call it by: the UI words "contact without a number" or `untitledGroup`. */
  title: z.string().nullable(),
  /** A group without a name: its chat id, shortened, for the UI's "Group {id}". */
  untitledGroup: z.string().nullable(),
  phone: z.string().nullable(),
  contactId: z.string().nullable(),
  instance: z.object({ id: z.string(), name: z.string() }),
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  tags: z.array(tagOutput),
  unreadCount: z.number(),
  lastActivityAt: z.string(),
  lastMessagePreview: z.string().nullable(),
  /** The latest message's type or `revoked`: the UI labels the preview with it. */
  lastMessageKind: z.string().nullable(),
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
