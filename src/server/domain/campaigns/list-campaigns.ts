import { withOrganization } from "../../db/tenant";
import type { Actor } from "../members/actor";
import { campaignDto, campaignSelect, type CampaignDto } from "./campaign-dto";

/** Every campaign, newest first, with its counts — also the agenda (scheduled ones carry their start). */
export async function listCampaigns(actor: Actor): Promise<(CampaignDto & { recipients: number; sent: number })[]> {
  return withOrganization(actor.organizationId, async (tx) => {
    const rows = await tx.campaign.findMany({
      where: { organizationId: actor.organizationId },
      orderBy: { createdAt: "desc" },
      take: 200,
      select: campaignSelect,
    });
    const counts = await tx.$queryRaw<{ campaign_id: string; recipients: bigint; sent: bigint }[]>`
      SELECT campaign_id, count(*) FILTER (WHERE status <> 'excluded') AS recipients,
             count(*) FILTER (WHERE status IN ('sent','delivered','read','replied')) AS sent
      FROM campaign_recipients WHERE organization_id = ${actor.organizationId}::uuid GROUP BY campaign_id`;
    const byId = new Map(counts.map((c) => [c.campaign_id, c]));
    return rows.map((row) => ({
      ...campaignDto(row),
      recipients: Number(byId.get(row.id)?.recipients ?? 0),
      sent: Number(byId.get(row.id)?.sent ?? 0),
    }));
  });
}
