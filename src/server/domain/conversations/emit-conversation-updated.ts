import { logger } from "../../logger";
import { emitToOrganization } from "../../realtime/emitter";

export async function emitConversationUpdated(organizationId: string, conversationId: string): Promise<void> {
  await emitToOrganization(organizationId, "conversation.updated", { conversationId }).catch((error) =>
    logger.warn({ err: error }, "realtime emit failed"),
  );
}
