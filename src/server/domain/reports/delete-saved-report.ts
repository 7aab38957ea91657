import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { requireRole } from "../members/require-role";

export async function deleteSavedReport(actor: Actor, input: { id: string }): Promise<{ deleted: boolean }> {
  requireRole(actor, "admin");
  return withOrganization(actor.organizationId, async (tx) => {
    const report = await tx.savedReport.findFirst({
      where: { id: input.id, organizationId: actor.organizationId },
      select: { id: true, name: true },
    });
    if (!report) throw new AppError("NOT_FOUND", "reportNotFound");
    await tx.savedReport.delete({ where: { id: report.id } });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "report.deleted",
      targetType: "saved_report",
      targetId: report.id,
      metadata: { name: report.name },
    });
    return { deleted: true };
  });
}
