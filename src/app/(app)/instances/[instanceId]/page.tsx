import { InstanceDetail } from "./instance-detail";

export default async function InstancePage({ params }: { params: Promise<{ instanceId: string }> }) {
  const { instanceId } = await params;
  return <InstanceDetail instanceId={instanceId} />;
}
