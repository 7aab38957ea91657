import { CampaignWizardPage } from "../_components/campaign-wizard-page";
import { loadPageContext } from "../_components/load-page-context";

export default async function NewCampaignPage() {
  const { timezone, isAdmin } = await loadPageContext();
  return <CampaignWizardPage timezone={timezone} isAdmin={isAdmin} campaignId={null} />;
}
