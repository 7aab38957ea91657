import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import type { Actor } from "../members/actor";
import { campaignDto, campaignSelect } from "./campaign-dto";
import type { campaignReportOutput } from "./campaign-outputs";
import type { z } from "../../../shared/zod";

export type CampaignReport = z.infer<typeof campaignReportOutput>;

/** Live counters and the funnel of a campaign, per number and per variant. */
export async function getCampaignReport(actor: Actor, input: { campaignId: string }): Promise<CampaignReport> {
  return withOrganization(actor.organizationId, async (tx) => {
    const row = await tx.campaign.findFirst({
      where: { id: input.campaignId, organizationId: actor.organizationId },
      select: campaignSelect,
    });
    if (!row) throw new AppError("NOT_FOUND", "campaignNotFound");
    const statuses = await tx.campaignRecipient.groupBy({
      by: ["status"],
      where: { campaignId: row.id },
      _count: { _all: true },
    });
    const count = (...names: string[]) =>
      statuses.filter((s) => names.includes(s.status)).reduce((sum, s) => sum + s._count._all, 0);
    const optedOut = await tx.campaignRecipient.count({ where: { campaignId: row.id, optedOutAt: { not: null } } });
    const stamped = {
      delivered: await tx.campaignRecipient.count({ where: { campaignId: row.id, deliveredAt: { not: null } } }),
      read: await tx.campaignRecipient.count({ where: { campaignId: row.id, readAt: { not: null } } }),
    };
    const exclusions = await tx.campaignRecipient.groupBy({
      by: ["reason"],
      where: { campaignId: row.id, status: { in: ["excluded", "skipped"] } },
      _count: { _all: true },
    });
    const perInstanceRows = await tx.$queryRaw<
      { instance_id: string; sent: bigint; pending: bigint; failed: bigint }[]
    >`
      SELECT instance_id,
             count(*) FILTER (WHERE status IN ('sent','delivered','read','replied')) AS sent,
             count(*) FILTER (WHERE status IN ('pending','claimed')) AS pending,
             count(*) FILTER (WHERE status = 'failed') AS failed
      FROM campaign_recipients WHERE campaign_id = ${row.id}::uuid AND instance_id IS NOT NULL GROUP BY instance_id`;
    const instances = await tx.instance.findMany({
      where: { id: { in: row.instanceIds } },
      select: { id: true, name: true, state: true },
    });
    const perVariantRows = await tx.$queryRaw<
      { variant: number; sent: bigint; delivered: bigint; read: bigint; replied: bigint; opted_out: bigint }[]
    >`
      SELECT variant,
             count(*) FILTER (WHERE status IN ('sent','delivered','read','replied')) AS sent,
             count(*) FILTER (WHERE delivered_at IS NOT NULL) AS delivered,
             count(*) FILTER (WHERE read_at IS NOT NULL) AS read,
             count(*) FILTER (WHERE replied_at IS NOT NULL) AS replied,
             count(*) FILTER (WHERE opted_out_at IS NOT NULL) AS opted_out
      FROM campaign_recipients WHERE campaign_id = ${row.id}::uuid AND status <> 'excluded' GROUP BY variant ORDER BY variant`;
    // Pace over the last 15 minutes of sending (or since the first send, when more recent).
    const [pace] = await tx.$queryRaw<{ claimed: bigint; since: Date | null }[]>`
      SELECT count(*) AS claimed, min(claimed_at) AS since FROM campaign_recipients
      WHERE campaign_id = ${row.id}::uuid AND claimed_at > now() - interval '15 minutes'`;
    const remaining = count("pending");
    const minutes = pace!.since ? Math.max((Date.now() - pace!.since.getTime()) / 60_000, 0.25) : 15;
    const perMinute = Number(pace!.claimed) / minutes;
    const sentish = count("sent", "delivered", "read", "replied");
    return {
      campaign: campaignDto(row),
      funnel: {
        audience: statuses.reduce((sum, s) => sum + s._count._all, 0),
        excluded: count("excluded"),
        queued: count("pending", "claimed"),
        sent: sentish,
        delivered: stamped.delivered,
        read: stamped.read,
        replied: count("replied"),
        optedOut,
        failed: count("failed"),
        skipped: count("skipped"),
        unknown: count("unknown"),
      },
      exclusions: exclusions.map((e) => ({ reason: e.reason ?? "—", count: e._count._all })),
      perInstance: instances.map((instance) => {
        const stats = perInstanceRows.find((r) => r.instance_id === instance.id);
        return {
          instanceId: instance.id,
          name: instance.name,
          state: instance.state,
          sent: Number(stats?.sent ?? 0),
          pending: Number(stats?.pending ?? 0),
          failed: Number(stats?.failed ?? 0),
        };
      }),
      perVariant: perVariantRows.map((v) => ({
        variant: v.variant,
        sent: Number(v.sent),
        delivered: Number(v.delivered),
        read: Number(v.read),
        replied: Number(v.replied),
        optedOut: Number(v.opted_out),
      })),
      eta:
        row.status === "running" && remaining > 0 && perMinute > 0
          ? new Date(Date.now() + (remaining / perMinute) * 60_000).toISOString()
          : null,
    };
  });
}
