import { AiView } from "./_components/ai-view";

export default function AiPage() {
  return <AiView />;
}
