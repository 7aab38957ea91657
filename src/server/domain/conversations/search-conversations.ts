import { withOrganization } from "../../db/tenant";
import type { z } from "../../../shared/zod";
import type { searchConversationsInput } from "../../../shared/schemas/inbox";
import type { Actor } from "../members/actor";
import { conversationDtos, type ConversationDto } from "./conversation-dto";

/**
 * Search over contact names and phones (trigram, accent- and case-insensitive) and message text
 * (Portuguese full-text search, accents ignored). Contact hits first, then conversations whose
 * messages match, newest first, each with the matching text.
 */
export async function searchConversations(
  actor: Actor,
  input: z.infer<typeof searchConversationsInput>,
): Promise<ConversationDto[]> {
  return withOrganization(actor.organizationId, async (tx) => {
    const pattern = `%${input.query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const digits = input.query.replace(/\D/g, "");
    const byContact = await tx.$queryRaw<{ id: string }[]>`
      SELECT c.id FROM contacts ct JOIN conversations c ON c.contact_id = ct.id
      WHERE ct.organization_id = ${actor.organizationId}::uuid
        AND (ct.search_text LIKE lower(mirage_unaccent(${pattern}))
             OR (${digits.length >= 4} AND ct.search_text LIKE ${`%${digits}%`}))
      ORDER BY c.last_activity_at DESC
      LIMIT ${input.limit}`;
    const byMessage = await tx.$queryRaw<{ conversation_id: string; body: string }[]>`
      SELECT conversation_id, body FROM messages
      WHERE organization_id = ${actor.organizationId}::uuid
        AND search_vector @@ websearch_to_tsquery('mirage_portuguese', ${input.query})
        AND revoked_at IS NULL
      ORDER BY sent_at DESC
      LIMIT ${input.limit * 5}`;
    // Newest hit per conversation.
    const snippets = new Map<string, string>();
    for (const row of byMessage) if (!snippets.has(row.conversation_id)) snippets.set(row.conversation_id, row.body);
    const ids = [...new Set([...byContact.map((row) => row.id), ...byMessage.map((row) => row.conversation_id)])].slice(
      0,
      input.limit,
    );
    const dtos = await conversationDtos(tx, ids);
    return dtos.map((dto) => (snippets.has(dto.id) ? { ...dto, snippet: snippets.get(dto.id)!.slice(0, 200) } : dto));
  });
}
