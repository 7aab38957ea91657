import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import { emitConversationUpdated } from "../conversations/emit-conversation-updated";
import { loadConversation } from "../conversations/load-conversation";
import type { Actor } from "../members/actor";
import type { tagOutput } from "./tag-outputs";
import type { z } from "../../../shared/zod";

export type TagDto = z.infer<typeof tagOutput>;

export async function listTags(actor: Actor): Promise<TagDto[]> {
  return withOrganization(actor.organizationId, (tx) =>
    tx.tag.findMany({
      where: { organizationId: actor.organizationId },
      select: { id: true, name: true, color: true },
      orderBy: { name: "asc" },
    }),
  );
}

export async function createTag(actor: Actor, input: { name: string; color: string }): Promise<TagDto> {
  return withOrganization(actor.organizationId, async (tx) => {
    const existing = await tx.tag.findFirst({
      where: { organizationId: actor.organizationId, name: { equals: input.name, mode: "insensitive" } },
    });
    if (existing)
      throw new AppError("CONFLICT", "tagNameTaken", {
        fieldErrors: { name: [{ reason: "tagNameTaken" }] },
      });
    const tag = await tx.tag.create({
      data: { organizationId: actor.organizationId, name: input.name, color: input.color },
      select: { id: true, name: true, color: true },
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "tag.created",
      targetType: "tag",
      targetId: tag.id,
      metadata: { name: tag.name },
    });
    return tag;
  });
}

/** Puts a tag on a conversation or takes it off; doing it twice changes nothing. */
export async function setConversationTag(
  actor: Actor,
  input: { conversationId: string; tagId: string; present: boolean },
): Promise<void> {
  await withOrganization(actor.organizationId, async (tx) => {
    await loadConversation(tx, actor.organizationId, input.conversationId);
    const tag = await tx.tag.findFirst({ where: { id: input.tagId, organizationId: actor.organizationId } });
    if (!tag) throw new AppError("NOT_FOUND", "tagNotFound");
    const changed = input.present
      ? await tx.conversationTag.createMany({
          data: [{ conversationId: input.conversationId, tagId: tag.id, organizationId: actor.organizationId }],
          skipDuplicates: true,
        })
      : await tx.conversationTag.deleteMany({ where: { conversationId: input.conversationId, tagId: tag.id } });
    // Tagging twice changes nothing the second time, and records nothing.
    if (changed.count > 0)
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        action: input.present ? "conversation.tagged" : "conversation.untagged",
        targetType: "conversation",
        targetId: input.conversationId,
        metadata: { tagId: tag.id },
      });
  });
  await emitConversationUpdated(actor.organizationId, input.conversationId);
}
