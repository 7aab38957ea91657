import type { Tx } from "../../db/tenant";

export interface CachedConversation {
  id: string;
  chatAddress: string;
}

/**
 * An instance's conversations for a batch of webhook deliveries, read in one query before the batch:
 * a chat key that was part of the read is known (present or absent) without another round trip.
 */
export class ConversationCache {
  private readonly rows = new Map<string, CachedConversation>();
  private readonly covered = new Set<string>();

  static async load(tx: Tx, instanceId: string, chatKeys: string[]): Promise<ConversationCache> {
    const cache = new ConversationCache();
    const keys = [...new Set(chatKeys)];
    if (!keys.length) return cache;
    const rows = await tx.conversation.findMany({
      where: { instanceId, chatKey: { in: keys } },
      select: { id: true, chatKey: true, chatAddress: true },
    });
    for (const key of keys) cache.covered.add(key);
    for (const row of rows) cache.rows.set(row.chatKey, { id: row.id, chatAddress: row.chatAddress });
    return cache;
  }

  /** The conversation of a chat key; null when known to be absent; undefined when not known here. */
  get(chatKey: string): CachedConversation | null | undefined {
    if (!this.covered.has(chatKey)) return undefined;
    return this.rows.get(chatKey) ?? null;
  }

  remember(chatKey: string, conversation: CachedConversation): void {
    this.covered.add(chatKey);
    this.rows.set(chatKey, conversation);
  }

  /** A chat key known to have no conversation (its contact was created in this batch). */
  markAbsent(chatKey: string): void {
    this.covered.add(chatKey);
    this.rows.delete(chatKey);
  }

  /** A lost insert race: the database knows better. */
  forget(chatKey: string): void {
    this.covered.delete(chatKey);
    this.rows.delete(chatKey);
  }
}
