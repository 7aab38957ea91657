import { withOrganization } from "../../db/tenant";
import type { z } from "../../../shared/zod";
import type { SearchCursor, searchConversationsInput } from "../../../shared/schemas/inbox";
import type { Actor } from "../members/actor";
import { conversationDtos } from "./conversation-dto";
import { searchContactHits } from "./search-contact-hits";
import { searchMessageHits, type Keyset } from "./search-message-hits";
import { searchTerms } from "./search-terms";
import type { searchConversationsOutput } from "./conversation-outputs";

export type SearchPage = z.infer<typeof searchConversationsOutput>;

/**
 * Search over contact names and phones (trigram, accent- and case-insensitive) and message text
 * (Portuguese full-text search, accents ignored), by keyset pages: first the conversations whose
 * contact matches, most recent activity first, then those whose messages match, newest hit first,
 * each with the matching text. Every conversation appears once.
 */
export async function searchConversations(
  actor: Actor,
  input: z.infer<typeof searchConversationsInput>,
): Promise<SearchPage> {
  return withOrganization(actor.organizationId, async (tx) => {
    const terms = searchTerms(input.query);
    const before = (cursor: SearchCursor["before"]): Keyset | null =>
      cursor && { at: new Date(cursor.at), id: cursor.id };
    const contacts =
      input.cursor?.phase === "messages"
        ? []
        : await searchContactHits(
            tx,
            actor.organizationId,
            terms,
            before(input.cursor?.before ?? null),
            input.limit + 1,
          );
    if (contacts.length > input.limit) {
      const page = contacts.slice(0, input.limit);
      const last = page.at(-1)!;
      return {
        items: await conversationDtos(
          tx,
          page.map((hit) => hit.id),
        ),
        nextCursor: { phase: "contacts", before: { at: last.at.toISOString(), id: last.id } },
      };
    }
    const room = input.limit - contacts.length;
    // One more than fits tells whether a next page exists.
    const messages = await searchMessageHits(
      tx,
      actor.organizationId,
      terms,
      input.cursor?.phase === "messages" ? before(input.cursor.before) : null,
      room + 1,
    );
    const shown = messages.slice(0, room);
    const last = shown.at(-1);
    const items = await conversationDtos(tx, [
      ...contacts.map((hit) => hit.id),
      ...shown.map((hit) => hit.conversationId),
    ]);
    const snippets = new Map(shown.map((hit) => [hit.conversationId, hit.text.slice(0, 200)]));
    return {
      items: items.map((dto) => (snippets.has(dto.id) ? { ...dto, snippet: snippets.get(dto.id)! } : dto)),
      nextCursor:
        messages.length <= room
          ? null
          : {
              phase: "messages",
              before: last ? { at: last.sentAt.toISOString(), id: last.messageId } : null,
            },
    };
  });
}
