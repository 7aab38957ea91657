import { withOrganization } from "../../db/tenant";
import { enqueue } from "../../jobs/enqueue";
import { businessHoursSchema, type BusinessHours } from "../../../shared/schemas/business-hours";
import { toJsonColumn } from "../../db/json-column";
import { parseBusinessHours } from "../analytics/load-business-calendar";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { requireRole } from "../members/require-role";

/** Saves the organization's business hours; the job that recomputes business durations is enqueued with it. */
export async function updateBusinessHours(actor: Actor, input: BusinessHours): Promise<BusinessHours> {
  requireRole(actor, "admin");
  return withOrganization(actor.organizationId, async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({
      where: { id: actor.organizationId },
      select: { businessHours: true },
    });
    await tx.organization.update({
      where: { id: actor.organizationId },
      data: { businessHours: toJsonColumn(businessHoursSchema, input) },
    });
    await enqueue("analytics.business-hours", { organizationId: actor.organizationId }, { tx });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "organization.business_hours_updated",
      targetType: "organization",
      targetId: actor.organizationId,
      metadata: { from: parseBusinessHours(before.businessHours, actor.organizationId), to: input },
    });
    return input;
  });
}

export async function getBusinessHours(actor: Actor): Promise<BusinessHours> {
  return withOrganization(actor.organizationId, async (tx) => {
    const row = await tx.organization.findUniqueOrThrow({
      where: { id: actor.organizationId },
      select: { businessHours: true },
    });
    return parseBusinessHours(row.businessHours, actor.organizationId);
  });
}
