import { CampaignDetail } from "../_components/campaign-detail";
import { loadPageContext } from "../_components/load-page-context";

export default async function CampaignPage({ params }: { params: Promise<{ campaignId: string }> }) {
  const [{ campaignId }, { timezone, isAdmin }] = await Promise.all([params, loadPageContext()]);
  return <CampaignDetail campaignId={campaignId} timezone={timezone} isAdmin={isAdmin} />;
}
