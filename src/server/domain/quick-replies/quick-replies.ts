import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import type { quickReplyOutput } from "./quick-reply-outputs";
import type { z } from "../../../shared/zod";

export type QuickReplyDto = z.infer<typeof quickReplyOutput>;

const select = { id: true, shortcut: true, body: true } as const;

export async function listQuickReplies(actor: Actor): Promise<QuickReplyDto[]> {
  return withOrganization(actor.organizationId, (tx) =>
    tx.quickReply.findMany({ where: { organizationId: actor.organizationId }, select, orderBy: { shortcut: "asc" } }),
  );
}

const shortcutTaken = () =>
  new AppError("CONFLICT", "shortcutTaken", {
    fieldErrors: { shortcut: [{ reason: "shortcutTaken" }] },
  });

export async function saveQuickReply(
  actor: Actor,
  input: { id?: string; shortcut: string; body: string },
): Promise<QuickReplyDto> {
  return withOrganization(actor.organizationId, async (tx) => {
    const clash = await tx.quickReply.findFirst({
      where: { organizationId: actor.organizationId, shortcut: input.shortcut, NOT: input.id ? { id: input.id } : {} },
    });
    if (clash) throw shortcutTaken();
    const audit = (action: string, id: string) =>
      recordAudit(tx, {
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        action,
        targetType: "quick_reply",
        targetId: id,
        metadata: { shortcut: input.shortcut },
      });
    if (!input.id) {
      const created = await tx.quickReply.create({
        data: { organizationId: actor.organizationId, shortcut: input.shortcut, body: input.body },
        select,
      });
      await audit("quick_reply.created", created.id);
      return created;
    }
    const updated = await tx.quickReply.updateMany({
      where: { id: input.id, organizationId: actor.organizationId },
      data: { shortcut: input.shortcut, body: input.body },
    });
    if (updated.count === 0) throw new AppError("NOT_FOUND", "quickReplyNotFound");
    await audit("quick_reply.updated", input.id);
    return { id: input.id, shortcut: input.shortcut, body: input.body };
  });
}

export async function deleteQuickReply(actor: Actor, input: { id: string }): Promise<void> {
  await withOrganization(actor.organizationId, async (tx) => {
    const deleted = await tx.quickReply.deleteMany({ where: { id: input.id, organizationId: actor.organizationId } });
    // Deleting what is already gone is a no-op, and leaves no entry.
    if (deleted.count === 0) return;
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "quick_reply.deleted",
      targetType: "quick_reply",
      targetId: input.id,
    });
  });
}
