import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { mediaStore } from "../../media";
import { parseMediaKey } from "../../media/media-key";
import { checkMedia } from "../../media/media-limits";
import { loadConversation } from "../conversations/load-conversation";
import type { Actor } from "../members/actor";
import { emitMessageChanges } from "./emit-message-changes";
import { outboundMediaType } from "./outbound-media";
import { messageDtoSelect, messageDtos, type MessageDto } from "./message-dto";
import { writeOutboundMessage } from "./write-outbound-message";
import { pauseBot } from "../ai-replies/pause-bot";
import { settleSuggestions } from "../ai-replies/settle-suggestions";
import { recordAudit } from "../audit/record-audit";

export interface ReplyInput {
  conversationId: string;
  clientMessageId: string;
  body: string;
  attachment?: { key: string; mimeType: string; fileName: string; size: number } | null;
  quotedMessageId?: string | null;
}

/**
 * Writes a reply (pending) and enqueues its delivery in one transaction: the message exists exactly
 * when its send is scheduled. Submitting the same composer message twice returns the first.
 */
export async function sendReply(actor: Actor, input: ReplyInput): Promise<MessageDto> {
  if (input.attachment) await assertUploaded(actor.organizationId, input.attachment);
  const message = await withOrganization(actor.organizationId, async (tx) => {
    const conversation = await loadConversation(tx, actor.organizationId, input.conversationId);
    const existing = await tx.message.findFirst({
      where: { conversationId: conversation.id, clientMessageId: input.clientMessageId },
      select: messageDtoSelect,
    });
    if (existing) return existing;
    const quoted = input.quotedMessageId
      ? await tx.message.findFirst({
          where: { id: input.quotedMessageId, conversationId: conversation.id },
          select: { providerMessageId: true },
        })
      : null;
    const body = input.body.trim() || null;
    const type = input.attachment ? outboundMediaType(input.attachment.mimeType) : "text";
    const created = await writeOutboundMessage(tx, {
      organizationId: actor.organizationId,
      conversation,
      clientMessageId: input.clientMessageId,
      type,
      body,
      authorUserId: actor.userId,
      quotedProviderMessageId: quoted?.providerMessageId ?? null,
      attachment: input.attachment ?? null,
    });
    // A person answered: the bot steps back here, and the composer's suggestions are settled by this text.
    await pauseBot(tx, conversation.id, "human_reply");
    await settleSuggestions(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      conversationId: conversation.id,
      messageId: created.id,
      sentText: body ?? "",
    });
    // Who sent what kind of message where; the text itself stays in the message (erasure reaches it there).
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "message.replied",
      targetType: "message",
      targetId: created.id,
      metadata: { conversationId: conversation.id, type },
    });
    return created;
  });
  await emitMessageChanges(actor.organizationId, [{ conversationId: input.conversationId, messageId: message.id }]);
  return (await withOrganization(actor.organizationId, (tx) => messageDtos(tx, [message])))[0]!;
}

/** The attachment was uploaded by this organization, is within limits, and its bytes are stored. */
async function assertUploaded(organizationId: string, attachment: NonNullable<ReplyInput["attachment"]>) {
  const parsed = parseMediaKey(attachment.key);
  if (!parsed || parsed.organizationId !== organizationId) throw new AppError("BAD_REQUEST", "attachmentInvalid");
  const check = checkMedia({ mimeType: attachment.mimeType, size: attachment.size });
  if (!check.ok) throw new AppError("BAD_REQUEST", check.error.reason, { params: check.error.params });
  const stored = await mediaStore().get(attachment.key);
  if (!stored) throw new AppError("BAD_REQUEST", "attachmentNotFound");
  stored.body.destroy();
}
