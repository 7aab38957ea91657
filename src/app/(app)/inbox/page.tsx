import { redirect } from "next/navigation";
import { getSessionIdentity } from "~/server/auth/session";
import { listConversations } from "~/server/domain/conversations/list-conversations";
import { resolveActor } from "~/server/domain/members/resolve-actor";
import { getOrganization } from "~/server/domain/organizations/get-organization";
import { EmptyState } from "../../_components/empty-state";
import { InboxView } from "./_components/inbox-view";

export default async function InboxPage() {
  const identity = await getSessionIdentity();
  const actor = identity && (await resolveActor(identity.userId, identity.organizationId));
  if (!actor) redirect("/sign-in");
  // Known before the first paint: an organization without any conversation sees what to do next.
  const [organization, first] = await Promise.all([getOrganization(actor), listConversations(actor, { limit: 1 })]);
  return (
    <InboxView
      timezone={organization.timezone}
      hasConversations={first.items.length > 0}
      emptyState={<EmptyState section="inbox" />}
    />
  );
}
