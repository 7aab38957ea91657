import { CampaignWizardPage } from "../../_components/campaign-wizard-page";
import { loadPageContext } from "../../_components/load-page-context";

export default async function EditCampaignPage({ params }: { params: Promise<{ campaignId: string }> }) {
  const [{ campaignId }, { timezone, isAdmin }] = await Promise.all([params, loadPageContext()]);
  return <CampaignWizardPage timezone={timezone} isAdmin={isAdmin} campaignId={campaignId} />;
}
