import { logger } from "../../logger";
import { emitToOrganization } from "../../realtime/emitter";

export async function emitCampaignUpdated(organizationId: string, campaignId: string): Promise<void> {
  await emitToOrganization(organizationId, "campaign.updated", { campaignId }).catch((error) =>
    logger.warn({ err: error }, "realtime emit failed"),
  );
}
