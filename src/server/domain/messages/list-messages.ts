import { withOrganization } from "../../db/tenant";
import { loadConversation } from "../conversations/load-conversation";
import type { Actor } from "../members/actor";
import { messageDtoSelect, messageDtos, type MessageDto } from "./message-dto";
import type { listMessagesOutput } from "./message-outputs";
import type { z } from "../../../shared/zod";

/** Overlap of a catch-up: a transaction may commit a change stamped up to its duration earlier. */
const CATCH_UP_OVERLAP_MS = 30_000;
/** Past this many changes the page reloads its newest messages instead. */
const CATCH_UP_LIMIT = 500;

export type MessagePage = z.infer<typeof listMessagesOutput>;

/** A page of history, newest first by keyset (WhatsApp time, id) and returned oldest first. */
export async function listMessages(
  actor: Actor,
  input: { conversationId: string; before?: { at: string; id: string } | null; limit: number },
): Promise<MessagePage> {
  return withOrganization(actor.organizationId, async (tx) => {
    await loadConversation(tx, actor.organizationId, input.conversationId);
    const readAt = new Date();
    const before = input.before;
    const rows = await tx.message.findMany({
      where: {
        conversationId: input.conversationId,
        ...(before
          ? {
              OR: [{ sentAt: { lt: new Date(before.at) } }, { sentAt: new Date(before.at), id: { lt: before.id } }],
            }
          : {}),
      },
      orderBy: [{ sentAt: "desc" }, { id: "desc" }],
      take: input.limit + 1,
      select: messageDtoSelect,
    });
    const page = rows.slice(0, input.limit);
    const oldest = page.at(-1);
    return {
      items: (await messageDtos(tx, page)).reverse(),
      olderCursor: rows.length > input.limit && oldest ? { at: oldest.sentAt.toISOString(), id: oldest.id } : null,
      readAt: readAt.toISOString(),
    };
  });
}

/**
 * Everything in a conversation that changed since a cursor (new messages, acks, media, edits): how an
 * open conversation catches up after a reconnect or on each live event, missing nothing.
 */
export async function listMessageChanges(
  actor: Actor,
  input: { conversationId: string; since: string },
): Promise<{ items: MessageDto[]; readAt: string; hasMore: boolean }> {
  return withOrganization(actor.organizationId, async (tx) => {
    await loadConversation(tx, actor.organizationId, input.conversationId);
    const readAt = new Date();
    const since = new Date(new Date(input.since).getTime() - CATCH_UP_OVERLAP_MS);
    const changed = await tx.message.findMany({
      where: { conversationId: input.conversationId, updatedAt: { gte: since } },
      orderBy: [{ updatedAt: "asc" }],
      take: CATCH_UP_LIMIT + 1,
      select: messageDtoSelect,
    });
    // Messages whose AI insight arrived since (classification does not rewrite the message row).
    const classified = await tx.messageInsight.findMany({
      where: {
        organizationId: actor.organizationId,
        createdAt: { gte: since },
        message: { conversationId: input.conversationId },
      },
      select: { messageId: true },
      take: CATCH_UP_LIMIT,
    });
    const seen = new Set(changed.map((row) => row.id));
    const missing = classified.map((row) => row.messageId).filter((id) => !seen.has(id));
    const rows = missing.length
      ? [...changed, ...(await tx.message.findMany({ where: { id: { in: missing } }, select: messageDtoSelect }))]
      : changed;
    const hasMore = rows.length > CATCH_UP_LIMIT;
    return { items: await messageDtos(tx, rows.slice(0, CATCH_UP_LIMIT)), readAt: readAt.toISOString(), hasMore };
  });
}
