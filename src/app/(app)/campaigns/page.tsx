import { CampaignsView } from "./_components/campaigns-view";
import { loadPageContext } from "./_components/load-page-context";

export default async function CampaignsPage() {
  const { timezone, isAdmin } = await loadPageContext();
  return <CampaignsView timezone={timezone} isAdmin={isAdmin} />;
}
