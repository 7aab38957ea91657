import { logger } from "../../logger";
import { emitToOrganization } from "../../realtime/emitter";
import type { MessageChange } from "./message-change";

/** Tells browsers what changed, after the commit. Best-effort: pages catch up by cursor on reconnect. */
export async function emitMessageChanges(organizationId: string, changes: MessageChange[]): Promise<void> {
  const conversations = new Set(changes.map((change) => change.conversationId));
  await Promise.all([
    ...changes.map((change) => emitToOrganization(organizationId, "message.changed", change)),
    ...[...conversations].map((conversationId) =>
      emitToOrganization(organizationId, "conversation.updated", { conversationId }),
    ),
  ]).catch((error) => logger.warn({ err: error }, "realtime emit failed"));
}
