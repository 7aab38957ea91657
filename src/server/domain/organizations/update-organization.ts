import { withOrganization } from "../../db/tenant";
import { resetReportingRollup } from "../analytics/reset-reporting-rollup";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { toOrganizationDto, type OrganizationDto } from "./organization-dto";

export async function updateOrganization(
  actor: Actor,
  input: { name: string; timezone: string },
): Promise<OrganizationDto> {
  return withOrganization(actor.organizationId, async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: actor.organizationId } });
    const row = await tx.organization.update({
      where: { id: actor.organizationId },
      data: { name: input.name, timezone: input.timezone },
    });
    if (before.timezone !== input.timezone) await resetReportingRollup(tx, actor.organizationId);
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "organization.updated",
      targetType: "organization",
      targetId: actor.organizationId,
      metadata: { from: { name: before.name, timezone: before.timezone }, to: input },
    });
    return toOrganizationDto(row);
  });
}
