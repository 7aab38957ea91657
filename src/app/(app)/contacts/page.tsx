import { api } from "~/trpc/server";
import { EmptyState } from "../../_components/empty-state";
import { ContactsView } from "./_components/contacts-view";

export default async function ContactsPage() {
  // Known before the first paint: an organization without contacts sees what to do next.
  const [organization, first] = await Promise.all([api.organization.current(), api.contacts.list({ limit: 1 })]);
  return (
    <ContactsView
      timeZone={organization.timezone}
      hasContacts={first.items.length > 0}
      emptyState={<EmptyState section="contacts" />}
    />
  );
}
