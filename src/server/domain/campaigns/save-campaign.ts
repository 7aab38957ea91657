import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import type { z } from "../../../shared/zod";
import type { FieldErrors } from "../../../shared/errors";
import type { saveCampaignInput } from "../../../shared/schemas/campaigns";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { campaignDto, campaignSelect, type CampaignDto } from "./campaign-dto";
import { campaignColumnValue } from "./campaign-settings-schema";
import { unknownVariables } from "./message-template";

/**
 * Creates or updates a draft. Templates may use only known variables; numbers must be this
 * organization's. Once launched a campaign's audience and message are frozen.
 */
export async function saveCampaign(actor: Actor, input: z.infer<typeof saveCampaignInput>): Promise<CampaignDto> {
  return withOrganization(actor.organizationId, async (tx) => {
    const fields = await tx.contactField.findMany({
      where: { organizationId: actor.organizationId },
      select: { key: true },
    });
    const fieldErrors: FieldErrors = {};
    input.variants.forEach((variant, index) => {
      const unknown = unknownVariables(
        variant.body,
        fields.map((f) => f.key),
      );
      if (unknown.length)
        fieldErrors[`variants.${index}.body`] = [
          { reason: "unknownTemplateVariablesList", params: { variables: unknown.join(", ") } },
        ];
    });
    if (Object.keys(fieldErrors).length) throw new AppError("VALIDATION", "unknownTemplateVariables", { fieldErrors });
    const instances = await tx.instance.count({
      where: { organizationId: actor.organizationId, id: { in: input.instanceIds } },
    });
    if (instances !== new Set(input.instanceIds).size) throw new AppError("BAD_REQUEST", "instancesNotInOrganization");

    const data = {
      name: input.name,
      legalBasis: input.legalBasis,
      audience: campaignColumnValue("audience", input.audience),
      variants: campaignColumnValue("variants", input.variants),
      instanceIds: [...new Set(input.instanceIds)],
      limits: campaignColumnValue("limits", input.limits),
      schedule: campaignColumnValue("schedule", input.schedule),
      recentContactDays: input.recentContactDays,
      thresholds: campaignColumnValue("thresholds", input.thresholds),
    };
    if (input.id) {
      const existing = await tx.campaign.findFirst({ where: { id: input.id, organizationId: actor.organizationId } });
      if (!existing) throw new AppError("NOT_FOUND", "campaignNotFound");
      if (existing.status !== "draft") throw new AppError("CONFLICT", "launchedCampaignReadOnly");
      const updated = await tx.campaign.update({ where: { id: input.id }, data, select: campaignSelect });
      return campaignDto(updated);
    }
    const created = await tx.campaign.create({
      data: { ...data, organizationId: actor.organizationId, createdById: actor.userId },
      select: campaignSelect,
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "campaign.created",
      targetType: "campaign",
      targetId: created.id,
      metadata: { name: created.name, legalBasis: created.legalBasis },
    });
    return campaignDto(created);
  });
}
