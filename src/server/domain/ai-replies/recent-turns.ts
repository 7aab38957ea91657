import type { Tx } from "../../db/tenant";
import type { ChatTurn } from "../ai/provider-engine";

/** How many of the newest messages a prompt carries. */
const RECENT_MESSAGES = 20;

/**
 * The conversation's newest texts, oldest first for reading: the customer as "user", the business as
 * "assistant". Notes stay out (they are for the team).
 */
export async function recentTurns(tx: Tx, conversationId: string): Promise<ChatTurn[]> {
  const newest = await tx.message.findMany({
    where: { conversationId, direction: { in: ["inbound", "outbound"] }, body: { not: null }, revokedAt: null },
    orderBy: [{ sentAt: "desc" }, { id: "desc" }],
    take: RECENT_MESSAGES,
    select: { direction: true, body: true },
  });
  return newest.reverse().map((m) => ({
    role: m.direction === "inbound" ? ("user" as const) : ("assistant" as const),
    content: m.body!.slice(0, 2000),
  }));
}
