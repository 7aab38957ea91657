import { parseJsonColumn } from "../../db/json-column";
import { z } from "../../../shared/zod";

/**
 * messages.details: what a message type carries besides its text, one group of fields per type (a
 * text's link preview, an audio's length, a location, a contact card, an unsupported type's name).
 */
export const messageDetailsSchema = z.object({
  linkPreview: z
    .object({ url: z.string(), title: z.string().nullable(), description: z.string().nullable() })
    .optional(),
  seconds: z.number().optional(),
  latitude: z.number().optional(),
  longitude: z.number().optional(),
  name: z.string().nullable().optional(),
  address: z.string().nullable().optional(),
  displayName: z.string().optional(),
  phones: z.array(z.string()).optional(),
  vcard: z.string().nullable().optional(),
  messageType: z.string().optional(),
});
export type MessageDetails = z.infer<typeof messageDetailsSchema>;

/** messages.reactions: the emoji of each reactor ("me", a phone or a LID). */
export const messageReactionsSchema = z.record(z.string(), z.string());
export type MessageReactions = z.infer<typeof messageReactionsSchema>;

export function messageDetailsOf(message: { id: string; details: unknown }): MessageDetails | null {
  if (message.details === null) return null;
  return parseJsonColumn(messageDetailsSchema, message.details, {
    table: "messages",
    column: "details",
    id: message.id,
  });
}

export function messageReactionsOf(message: { id: string; reactions: unknown }): MessageReactions {
  return parseJsonColumn(messageReactionsSchema, message.reactions, {
    table: "messages",
    column: "reactions",
    id: message.id,
  });
}
