import { redirect } from "next/navigation";
import { getSessionIdentity } from "~/server/auth/session";
import { listContacts } from "~/server/domain/contacts/list-contacts";
import { resolveActor } from "~/server/domain/members/resolve-actor";
import { getOrganization } from "~/server/domain/organizations/get-organization";
import { EmptyState } from "../../_components/empty-state";
import { ContactsView } from "./_components/contacts-view";

export default async function ContactsPage() {
  const identity = await getSessionIdentity();
  const actor = identity && (await resolveActor(identity.userId, identity.organizationId));
  if (!actor) redirect("/sign-in");
  // Known before the first paint: an organization without contacts sees what to do next.
  const [organization, first] = await Promise.all([getOrganization(actor), listContacts(actor, { limit: 1 })]);
  return (
    <ContactsView
      timeZone={organization.timezone}
      hasContacts={first.items.length > 0}
      emptyState={<EmptyState section="contacts" />}
    />
  );
}
