import { env } from "~/env";
import { InstancesView } from "./_components/instances-view";

export default function InstancesPage() {
  return <InstancesView alertMinutes={env().INSTANCE_DOWN_ALERT_MINUTES} />;
}
