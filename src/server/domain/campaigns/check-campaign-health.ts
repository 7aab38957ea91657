import { withOrganization } from "../../db/tenant";
import { recordAudit } from "../audit/record-audit";
import type { CampaignPause } from "../../../shared/schemas/campaigns";
import { campaignColumn } from "./campaign-settings-schema";
import { emitCampaignUpdated } from "./emit-campaign-updated";

/**
 * Pauses a running campaign on trouble, with the reason shown: too many failures, too many opt-outs,
 * or every chosen number down. Completes it when nothing is left to send.
 */
export async function checkCampaignHealth(organizationId: string, campaignId: string): Promise<void> {
  const changed = await withOrganization(organizationId, async (tx) => {
    const campaign = await tx.campaign.findFirst({
      where: { id: campaignId, organizationId, status: "running" },
      select: { id: true, thresholds: true, instanceIds: true },
    });
    if (!campaign) return false;
    const thresholds = campaignColumn(campaign, "thresholds");
    const [counts] = await tx.$queryRaw<
      { pending: bigint; claimed: bigint; delivered_ok: bigint; failed: bigint; opted_out: bigint }[]
    >`
      SELECT count(*) FILTER (WHERE status = 'pending') AS pending,
             count(*) FILTER (WHERE status IN ('claimed', 'unknown')) AS claimed,
             count(*) FILTER (WHERE status IN ('sent', 'delivered', 'read', 'replied')) AS delivered_ok,
             count(*) FILTER (WHERE status = 'failed') AS failed,
             count(*) FILTER (WHERE opted_out_at IS NOT NULL) AS opted_out
      FROM campaign_recipients WHERE campaign_id = ${campaignId}::uuid`;
    const sent = Number(counts!.delivered_ok);
    const failed = Number(counts!.failed);
    const attempted = sent + failed;
    let pause: CampaignPause | null = null;
    const optedOut = Number(counts!.opted_out);
    if (attempted >= thresholds.minSample && failed / attempted > thresholds.failureRate)
      pause = { reason: "failure_rate", params: { percent: Math.round((failed / attempted) * 100), count: failed } };
    else if (sent >= thresholds.minSample && optedOut / sent > thresholds.optOutRate)
      pause = { reason: "opt_out_rate", params: { percent: Math.round((optedOut / sent) * 100), count: optedOut } };
    else if (
      Number(counts!.pending) > 0 &&
      (await tx.instance.count({ where: { id: { in: campaign.instanceIds }, state: "open" } })) === 0
    )
      pause = { reason: "all_instances_down", params: {} };

    if (pause) {
      await tx.campaign.update({
        where: { id: campaignId },
        data: { status: "paused", pauseReason: pause.reason, pauseParams: pause.params },
      });
      await recordAudit(tx, {
        organizationId,
        actorUserId: null,
        action: "campaign.auto_paused",
        targetType: "campaign",
        targetId: campaignId,
        metadata: { reason: pause.reason, ...pause.params },
      });
      return true;
    }
    if (Number(counts!.pending) === 0 && Number(counts!.claimed) === 0) {
      await tx.campaign.update({ where: { id: campaignId }, data: { status: "completed", completedAt: new Date() } });
      return true;
    }
    return false;
  });
  if (changed) await emitCampaignUpdated(organizationId, campaignId);
}
