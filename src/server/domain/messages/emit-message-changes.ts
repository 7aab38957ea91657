import { logger } from "../../logger";
import { emitToOrganization } from "../../realtime/emitter";
import type { MessageChange } from "./message-change";

/** Tells browsers what changed, after the commit. Best-effort: pages catch up by cursor on reconnect. */
export async function emitMessageChanges(organizationId: string, changes: MessageChange[]): Promise<void> {
  const conversations = new Set(changes.map((change) => change.conversationId));
  const campaigns = new Set(changes.flatMap((change) => change.campaignIds ?? []));
  await Promise.all([
    ...changes.map(({ conversationId, messageId }) =>
      emitToOrganization(organizationId, "message.changed", { conversationId, messageId }),
    ),
    ...[...conversations].map((conversationId) =>
      emitToOrganization(organizationId, "conversation.updated", { conversationId }),
    ),
    ...[...campaigns].map((campaignId) => emitToOrganization(organizationId, "campaign.updated", { campaignId })),
  ]).catch((error) => logger.warn({ err: error }, "realtime emit failed"));
}
