import { MetricsView } from "./_components/metrics-view";

export default function MetricsPage() {
  return <MetricsView />;
}
