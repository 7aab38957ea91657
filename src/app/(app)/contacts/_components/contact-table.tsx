"use client";

import { Badge, Group, Text } from "@mantine/core";
import { useFormatter, useTranslations } from "next-intl";
import { ConsentBadge } from "./consent-badge";
import { ContactAvatar } from "../../../_components/contact-avatar";
import { displayTitle, formatPhone } from "../../../_components/format-phone";
import { TagBadge } from "../../../_components/tag-badge";
import type { ContactListItem } from "./types";
import { DataTable } from "../../../_components/data-table";

export function ContactTable(props: { items: ContactListItem[]; timeZone: string; onOpen: (id: string) => void }) {
  const t = useTranslations("contacts");
  const format = useFormatter();
  return (
    <DataTable
      testId="contact-table"
      verticalSpacing="xs"
      highlightOnHover
      minWidth={760}
      rows={props.items}
      rowKey={(contact) => contact.id}
      rowProps={(contact) => ({
        "data-testid": "contact-row",
        "data-contact-id": contact.id,
        "data-consent": contact.consentStatus,
        "data-blocked": contact.blocked ? "true" : undefined,
      })}
      onRowClick={(contact) => props.onOpen(contact.id)}
      columns={[
        { key: "name", header: t("columns.name"), cell: (contact) => <ContactName contact={contact} /> },
        {
          key: "phone",
          header: t("columns.phone"),
          cell: (contact) => (
            <Text size="sm" ff="monospace" style={{ whiteSpace: "nowrap" }}>
              {formatPhone(contact.phone)}
            </Text>
          ),
        },
        {
          key: "consent",
          header: t("columns.consent"),
          cell: (contact) => <ConsentBadge status={contact.consentStatus} size="xs" />,
        },
        {
          key: "tags",
          header: t("columns.tags"),
          cell: (contact) => (
            <Group gap={4}>
              {contact.tags.map((tag) => (
                <TagBadge key={tag.id} tag={tag} />
              ))}
            </Group>
          ),
        },
        {
          key: "lastInteraction",
          header: t("columns.lastInteraction"),
          cell: (contact) => (
            <Text size="sm" c="dimmed" style={{ whiteSpace: "nowrap" }}>
              {contact.lastInteractionAt
                ? format.dateTime(new Date(contact.lastInteractionAt), {
                    dateStyle: "short",
                    timeStyle: "short",
                    timeZone: props.timeZone,
                  })
                : t("never")}
            </Text>
          ),
        },
      ]}
    />
  );
}

/** The name cell: avatar, name or number, the WhatsApp name when it differs, and whether it is blocked. */
function ContactName({ contact }: { contact: ContactListItem }) {
  const t = useTranslations("contacts");
  const title = displayTitle(contact.displayName, contact.phone, t("noNumber"));
  return (
    <Group gap="sm" wrap="nowrap">
      <ContactAvatar title={title} size={32} />
      <div style={{ minWidth: 0 }}>
        <Text size="sm" fw={500} truncate data-testid="contact-name">
          {title}
        </Text>
        {contact.name && contact.pushName && contact.pushName !== contact.name && (
          <Text size="xs" c="dimmed" truncate>
            ~{contact.pushName}
          </Text>
        )}
      </div>
      {contact.blocked && (
        <Badge color="dark" variant="filled" size="xs" data-testid="blocked-badge">
          {t("blocked")}
        </Badge>
      )}
    </Group>
  );
}
