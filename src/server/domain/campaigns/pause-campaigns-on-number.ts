import type { Tx } from "../../db/tenant";
import type { CampaignPause } from "../../../shared/schemas/campaigns";
import { recordAudit } from "../audit/record-audit";

/**
 * Pauses every running or scheduled campaign that sends through a number, with the reason shown on the
 * campaign (an anomaly the alerts found). They stay paused until an admin resumes them: the condition
 * clearing does not restart them. Returns the campaigns paused, to emit after commit.
 */
export async function pauseCampaignsOnNumber(
  tx: Tx,
  input: { organizationId: string; instanceId: string; pause: CampaignPause },
): Promise<string[]> {
  const campaigns = await tx.campaign.findMany({
    where: {
      organizationId: input.organizationId,
      status: { in: ["running", "scheduled"] },
      instanceIds: { has: input.instanceId },
    },
    select: { id: true },
  });
  for (const campaign of campaigns) {
    await tx.campaign.update({
      where: { id: campaign.id },
      data: { status: "paused", pauseReason: input.pause.reason, pauseParams: input.pause.params },
    });
    await recordAudit(tx, {
      organizationId: input.organizationId,
      actorUserId: null,
      action: "campaign.auto_paused",
      targetType: "campaign",
      targetId: campaign.id,
      metadata: { reason: input.pause.reason, instanceId: input.instanceId, ...input.pause.params },
    });
  }
  return campaigns.map((campaign) => campaign.id);
}
