import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import type { Actor } from "../members/actor";
import { campaignColumn } from "./campaign-settings-schema";
import { estimatePaceIn, type CampaignPaceEstimate } from "./estimate-campaign-pace";

/** What launching a saved draft would do, for the confirmation: recipients, numbers and the estimated finish. */
export async function planCampaignLaunch(
  actor: Actor,
  input: { campaignId: string },
): Promise<CampaignPaceEstimate & { campaignId: string; name: string }> {
  const { organizationId } = actor;
  return withOrganization(organizationId, async (tx) => {
    const campaign = await tx.campaign.findFirst({ where: { id: input.campaignId, organizationId } });
    if (!campaign) throw new AppError("NOT_FOUND", "Campanha não encontrada.");
    if (campaign.status !== "draft") throw new AppError("CONFLICT", "Esta campanha já foi lançada.");
    const estimate = await estimatePaceIn(
      tx,
      organizationId,
      {
        audience: campaignColumn(campaign, "audience"),
        legalBasis: campaign.legalBasis,
        instanceIds: campaign.instanceIds,
        limits: campaignColumn(campaign, "limits"),
        schedule: campaignColumn(campaign, "schedule"),
      },
      new Date(),
    );
    return { campaignId: campaign.id, name: campaign.name, ...estimate };
  });
}
