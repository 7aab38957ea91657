import type { ErrorGroupStatus } from "../../db/generated/enums";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { isPlatformAdmin } from "../members/is-platform-admin";
import { inErrorScope } from "./error-scope";

/**
 * Resolves, ignores or reopens an error group, audited in the actor's organization. Setting the status it
 * already has writes nothing. A resolved group reopens by itself when it happens again (`recordError`).
 */
export async function setErrorGroupStatus(
  actor: Actor,
  input: { groupId: string; status: ErrorGroupStatus },
): Promise<void> {
  const scope = (await isPlatformAdmin(actor)) ? "system" : "organization";
  await inErrorScope(actor, scope, async (tx) => {
    const group = await tx.errorGroup.findFirst({
      where: { id: input.groupId, OR: [{ organizationId: actor.organizationId }, { organizationId: null }] },
      select: { status: true, organizationId: true },
    });
    if (!group) throw new AppError("NOT_FOUND", "errorGroupNotFound");
    if (group.status === input.status) return;
    await tx.errorGroup.update({
      where: { id: input.groupId },
      data: { status: input.status, statusChangedAt: new Date() },
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "error_group.status",
      targetType: "error_group",
      targetId: input.groupId,
      metadata: { from: group.status, to: input.status, system: group.organizationId === null },
    });
  });
}
