import { getSessionIdentity } from "~/server/auth/session";
import { exportCampaignReport } from "~/server/domain/campaigns/export-campaign-report";
import { resolveActor } from "~/server/domain/members/resolve-actor";
import { toPublicError } from "~/server/errors";

export const dynamic = "force-dynamic";

/** A campaign's execution report as CSV, for members of its organization. */
export async function GET(_request: Request, { params }: { params: Promise<{ campaignId: string }> }) {
  try {
    const identity = await getSessionIdentity();
    const actor = identity && (await resolveActor(identity.userId, identity.organizationId));
    if (!actor) return Response.json({ error: "Entre para continuar." }, { status: 401 });
    const { campaignId } = await params;
    const report = await exportCampaignReport(actor, { campaignId });
    return new Response(report.csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${report.fileName}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    const published = toPublicError(error);
    return Response.json({ error: published.message }, { status: published.status });
  }
}
