import { memberRoute } from "~/server/api/route-handler";
import { exportCampaignReport } from "~/server/domain/campaigns/export-campaign-report";

export const dynamic = "force-dynamic";

/** A campaign's execution report as CSV, for members of its organization. */
export const GET = memberRoute<{ campaignId: string }>(async ({ actor, params: { campaignId } }) => {
  const report = await exportCampaignReport(actor, { campaignId });
  return new Response(report.csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${report.fileName}"`,
      "cache-control": "private, no-store",
    },
  });
});
