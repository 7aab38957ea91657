import { EmptySectionPage } from "../../_components/empty-state";

export default function Page() {
  return <EmptySectionPage section="contacts" />;
}
