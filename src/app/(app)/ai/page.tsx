import { loadPageContext } from "../campaigns/_components/load-page-context";
import { AiView } from "./_components/ai-view";

export default async function AiPage() {
  const { isAdmin } = await loadPageContext();
  return <AiView isAdmin={isAdmin} />;
}
