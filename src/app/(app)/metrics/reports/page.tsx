import { loadPageContext } from "../../campaigns/_components/load-page-context";
import { ReportsView } from "./_components/reports-view";

export default async function ReportsPage() {
  const { isAdmin, timezone } = await loadPageContext();
  return <ReportsView isAdmin={isAdmin} timezone={timezone} />;
}
