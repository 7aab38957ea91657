"use client";

import { Badge, Group, Table, Text } from "@mantine/core";
import { useFormatter, useTranslations } from "next-intl";
import { memo } from "react";
import { ConsentBadge } from "./consent-badge";
import { ContactAvatar } from "../../../_components/contact-avatar";
import { displayTitle, formatPhone } from "../../../_components/format-phone";
import { TagBadge } from "../../../_components/tag-badge";
import type { ContactListItem } from "./types";

export function ContactTable(props: { items: ContactListItem[]; timeZone: string; onOpen: (id: string) => void }) {
  const t = useTranslations("contacts");
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" highlightOnHover data-testid="contact-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("columns.name")}</Table.Th>
            <Table.Th>{t("columns.phone")}</Table.Th>
            <Table.Th>{t("columns.consent")}</Table.Th>
            <Table.Th>{t("columns.tags")}</Table.Th>
            <Table.Th>{t("columns.lastInteraction")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.items.map((contact) => (
            <ContactRow key={contact.id} contact={contact} timeZone={props.timeZone} onOpen={props.onOpen} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const ContactRow = memo(function ContactRow(props: {
  contact: ContactListItem;
  timeZone: string;
  onOpen: (id: string) => void;
}) {
  const t = useTranslations("contacts");
  const format = useFormatter();
  const { contact } = props;
  const title = displayTitle(contact.displayName, contact.phone, t("noNumber"));
  return (
    <Table.Tr
      data-testid="contact-row"
      data-contact-id={contact.id}
      data-consent={contact.consentStatus}
      data-blocked={contact.blocked ? "true" : undefined}
      style={{ cursor: "pointer" }}
      tabIndex={0}
      onClick={() => props.onOpen(contact.id)}
      onKeyDown={(e) => (e.key === "Enter" || e.key === " ") && props.onOpen(contact.id)}
    >
      <Table.Td>
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
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace" style={{ whiteSpace: "nowrap" }}>
          {formatPhone(contact.phone)}
        </Text>
      </Table.Td>
      <Table.Td>
        <ConsentBadge status={contact.consentStatus} size="xs" />
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {contact.tags.map((tag) => (
            <TagBadge key={tag.id} tag={tag} />
          ))}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c="dimmed" style={{ whiteSpace: "nowrap" }}>
          {contact.lastInteractionAt
            ? format.dateTime(new Date(contact.lastInteractionAt), {
                dateStyle: "short",
                timeStyle: "short",
                timeZone: props.timeZone,
              })
            : t("never")}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
});
