import type { Tx } from "../../db/tenant";
import type { conversationOutput } from "./conversation-outputs";
import type { z } from "../../../shared/zod";

export type ConversationDto = z.infer<typeof conversationOutput>;

/** Loads list rows with their contact, instance, assignee and tags, in the given order. */
export async function conversationDtos(tx: Tx, ids: string[]): Promise<ConversationDto[]> {
  if (ids.length === 0) return [];
  const rows = await tx.conversation.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      kind: true,
      status: true,
      chatAddress: true,
      subject: true,
      contactId: true,
      unreadCount: true,
      lastActivityAt: true,
      lastMessagePreview: true,
      lastMessageKind: true,
      lastMessageDirection: true,
      contact: { select: { name: true, pushName: true, phoneE164: true } },
      instance: { select: { id: true, name: true } },
      assignee: { select: { id: true, name: true } },
      tags: { select: { tag: { select: { id: true, name: true, color: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        id: row.id,
        kind: row.kind,
        status: row.status,
        title: conversationTitle(row),
        untitledGroup: row.kind === "group" && !row.subject ? shortAddress(row.chatAddress) : null,
        phone: row.contact?.phoneE164 ?? null,
        contactId: row.contactId,
        instance: row.instance,
        assignee: row.assignee,
        tags: row.tags.map((t) => t.tag),
        unreadCount: row.unreadCount,
        lastActivityAt: row.lastActivityAt.toISOString(),
        lastMessagePreview: row.lastMessagePreview,
        lastMessageKind: row.lastMessageKind,
        lastMessageDirection: row.lastMessageDirection,
      },
    ];
  });
}

function conversationTitle(row: {
  kind: string;
  subject: string | null;
  chatAddress: string;
  contact: { name: string | null; pushName: string | null; phoneE164: string | null } | null;
}): string | null {
  if (row.kind === "group") return row.subject;
  return row.contact?.name ?? row.contact?.pushName ?? row.contact?.phoneE164 ?? null;
}

/** An opaque chat address shown by its longest run of letters and digits: providers wrap ids in their own decoration. */
function shortAddress(address: string): string {
  const runs = address.match(/[\p{L}\p{N}]+/gu) ?? [];
  return runs.reduce((longest, run) => (run.length > longest.length ? run : longest), "") || address;
}
