import { api } from "~/trpc/server";
import { EmptyState } from "../../_components/empty-state";
import { InboxView } from "./_components/inbox-view";

export default async function InboxPage() {
  // Known before the first paint: an organization without any conversation sees what to do next.
  const [organization, first] = await Promise.all([api.organization.current(), api.conversations.list({ limit: 1 })]);
  return (
    <InboxView
      timezone={organization.timezone}
      hasConversations={first.items.length > 0}
      emptyState={<EmptyState section="inbox" />}
    />
  );
}
