import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import type { Actor } from "../members/actor";
import { conversationDtos, type ConversationDto } from "./conversation-dto";

export interface ConversationDetail extends ConversationDto {
  chatAddress: string;
  instanceState: "open" | "connecting" | "close" | "refused";
  contact: {
    id: string;
    name: string | null;
    pushName: string | null;
    phone: string | null;
    lid: string | null;
  } | null;
}

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
    if (!row) throw new AppError("NOT_FOUND", "Conversa não encontrada.");
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
