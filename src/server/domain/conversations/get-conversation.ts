import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import type { Actor } from "../members/actor";
import { conversationDtos } from "./conversation-dto";
import type { getConversationOutput } from "./conversation-outputs";
import type { z } from "../../../shared/zod";

export type ConversationDetail = z.infer<typeof getConversationOutput>;

export async function getConversation(actor: Actor, input: { conversationId: string }): Promise<ConversationDetail> {
  return withOrganization(actor.organizationId, async (tx) => {
    const row = await tx.conversation.findFirst({
      where: { id: input.conversationId, organizationId: actor.organizationId },
      select: {
        chatAddress: true,
        instance: { select: { state: true } },
        contact: { select: { id: true, name: true, pushName: true, phoneE164: true, lid: true } },
      },
    });
    if (!row) throw new AppError("NOT_FOUND", "conversationNotFound");
    const [dto] = await conversationDtos(tx, [input.conversationId]);
    return {
      ...dto!,
      chatAddress: row.chatAddress,
      instanceState: row.instance.state,
      contact: row.contact
        ? {
            id: row.contact.id,
            name: row.contact.name,
            pushName: row.contact.pushName,
            phone: row.contact.phoneE164,
            lid: row.contact.lid,
          }
        : null,
    };
  });
}
