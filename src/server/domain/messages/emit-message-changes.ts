import { logger } from "../../logger";
import { emitToOrganization } from "../../realtime/emitter";
import type { MessageChange } from "./message-change";

/** Conversation ids per event: 150 uuids keep a NOTIFY payload well under Postgres's 8,000 bytes. */
const IDS_PER_EVENT = 150;

/**
 * Tells browsers what changed, after the commit: one `conversations.changed` event per 150 conversations,
 * however many messages changed in them. Best-effort: pages catch up by cursor on reconnect.
 */
export async function emitMessageChanges(organizationId: string, changes: MessageChange[]): Promise<void> {
  const conversationIds = [...new Set(changes.map((change) => change.conversationId))];
  const campaigns = new Set(changes.flatMap((change) => change.campaignIds ?? []));
  const chunks: string[][] = [];
  for (let start = 0; start < conversationIds.length; start += IDS_PER_EVENT) {
    chunks.push(conversationIds.slice(start, start + IDS_PER_EVENT));
  }
  await Promise.all([
    ...chunks.map((ids) => emitToOrganization(organizationId, "conversations.changed", { conversationIds: ids })),
    ...[...campaigns].map((campaignId) => emitToOrganization(organizationId, "campaign.updated", { campaignId })),
  ]).catch((error) => logger.warn({ err: error }, "realtime emit failed"));
}
