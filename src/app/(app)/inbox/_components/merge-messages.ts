import type { MessageDto } from "./types";

/** Conversation order: WhatsApp time, then id (the server's keyset order). */
export function compareMessages(a: MessageDto, b: MessageDto): number {
  if (a.sentAt !== b.sentAt) return a.sentAt < b.sentAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Folds changed or new messages into a loaded window. A message already shown is replaced unless the
 * copy in hand is newer (a slow response must not undo a fresher one). A new message older than the
 * window's start is left out when older history remains unloaded: it appears when that page loads,
 * instead of floating above a gap.
 */
export function mergeMessages(
  items: MessageDto[],
  incoming: MessageDto[],
  options: { hasOlder: boolean } = { hasOlder: false },
): MessageDto[] {
  if (incoming.length === 0) return items;
  const byId = new Map(items.map((item) => [item.id, item]));
  const oldest = items[0];
  let changed = false;
  for (const message of incoming) {
    const existing = byId.get(message.id);
    if (existing) {
      if (existing.updatedAt > message.updatedAt) continue;
      byId.set(message.id, message);
      changed = true;
    } else if (!options.hasOlder || !oldest || compareMessages(message, oldest) >= 0) {
      byId.set(message.id, message);
      changed = true;
    }
  }
  return changed ? [...byId.values()].sort(compareMessages) : items;
}
