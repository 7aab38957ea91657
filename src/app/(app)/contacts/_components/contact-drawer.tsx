"use client";

import { Alert, Badge, Divider, Drawer, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { AiOptOutSwitch } from "./ai-opt-out-switch";
import { BlockSection } from "./block-section";
import { ConsentBadge } from "./consent-badge";
import { ConsentSection } from "./consent-section";
import { ContactEditForm } from "./contact-edit-form";
import { ContactTagsEditor } from "./contact-tags-editor";
import { ConversationsSection } from "./conversations-section";
import { ContactAvatar } from "../../../_components/contact-avatar";
import { displayTitle, formatPhone } from "../../../_components/format-phone";

/** Everything about one contact: fields, tags, block, consent ledger and conversations. */
export function ContactDrawer(props: { contactId: string; timeZone: string; onClose: () => void }) {
  const { messageOf } = useErrorWording();
  const t = useTranslations("contacts.detail");
  const tContacts = useTranslations("contacts");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const detail = useQuery(trpc.contacts.get.queryOptions({ contactId: props.contactId }));
  const contact = detail.data;
  const title = contact ? displayTitle(contact.displayName, contact.phone, tContacts("noNumber")) : "";
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.contacts.get.queryKey({ contactId: props.contactId }) });
    await queryClient.invalidateQueries({ queryKey: trpc.contacts.list.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.contacts.count.pathKey() });
  };

  return (
    <Drawer
      opened
      onClose={props.onClose}
      position="right"
      size="lg"
      title={<Text fw={600}>{t("title")}</Text>}
      data-testid="contact-drawer"
    >
      {detail.error ? (
        <Alert color="red">{messageOf(detail.error, t("loadError"))}</Alert>
      ) : !contact ? (
        <Stack>
          <Skeleton height={48} />
          <Skeleton height={160} />
          <Skeleton height={120} />
        </Stack>
      ) : (
        <Stack gap="lg" data-testid="contact-detail" data-contact-id={contact.id}>
          <Group wrap="nowrap" align="flex-start">
            <ContactAvatar src={contact.profilePictureUrl} title={title} size={56} />
            <Stack gap={4} style={{ minWidth: 0 }}>
              <Title order={3} style={{ overflowWrap: "anywhere" }} data-testid="contact-title">
                {title}
              </Title>
              <Text ff="monospace" size="sm">
                {formatPhone(contact.phone)}
              </Text>
              {contact.pushName && (
                <Text size="xs" c="dimmed">
                  {t("whatsappName", { name: contact.pushName })}
                </Text>
              )}
              <Group gap={6}>
                <ConsentBadge status={contact.consent.status} />
                {contact.blocked && (
                  <Badge color="dark" variant="filled" size="sm" data-testid="blocked-badge">
                    {t("blockedBadge")}
                  </Badge>
                )}
              </Group>
            </Stack>
          </Group>
          <ContactEditForm
            key={`${contact.id}-${JSON.stringify(contact.customFields)}-${contact.name}`}
            contact={contact}
            onSaved={refresh}
          />
          <ContactTagsEditor contact={contact} onSaved={refresh} />
          <Divider />
          <BlockSection contact={contact} timeZone={props.timeZone} onSaved={refresh} />
          <AiOptOutSwitch contact={contact} onSaved={refresh} />
          <Divider />
          <ConsentSection contact={contact} timeZone={props.timeZone} onSaved={refresh} />
          <Divider />
          <ConversationsSection contact={contact} timeZone={props.timeZone} />
        </Stack>
      )}
    </Drawer>
  );
}
