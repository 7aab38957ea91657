import { withOrganization } from "../../db/tenant";
import { metrics } from "../../observability/metrics";

/** Sets mirage_campaign_recipients{campaign_id,status} for campaigns a dispatch round just worked on. */
export async function observeCampaignProgress(organizationId: string, campaignIds: string[]): Promise<void> {
  if (campaignIds.length === 0) return;
  const counts = await withOrganization(organizationId, (tx) =>
    tx.campaignRecipient.groupBy({
      by: ["campaignId", "status"],
      where: { campaignId: { in: campaignIds } },
      _count: { _all: true },
    }),
  );
  for (const row of counts)
    metrics().campaignRecipients.set({ campaign_id: row.campaignId, status: row.status }, row._count._all);
}
