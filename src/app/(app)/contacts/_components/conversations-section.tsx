"use client";

import { Anchor, Badge, Group, Stack, Text, Title } from "@mantine/core";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import type { ContactDetail } from "./types";

const statusColors = { open: "teal", pending: "yellow", closed: "gray" };

export function ConversationsSection(props: { contact: ContactDetail; timeZone: string }) {
  const t = useTranslations("contacts.conversations");
  const format = useFormatter();
  return (
    <Stack gap="xs">
      <Title order={5}>{t("title")}</Title>
      {props.contact.conversations.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("empty")}
        </Text>
      ) : (
        props.contact.conversations.map((conversation) => (
          <Group key={conversation.id} justify="space-between" wrap="nowrap" data-testid="contact-conversation">
            <Anchor component={Link} href={`/inbox?c=${conversation.id}`} size="sm">
              {conversation.instance.name}
            </Anchor>
            <Group gap="xs" wrap="nowrap">
              <Badge size="xs" variant="light" color={statusColors[conversation.status]}>
                {t(`status.${conversation.status}`)}
              </Badge>
              <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                {format.dateTime(new Date(conversation.lastActivityAt), {
                  dateStyle: "short",
                  timeStyle: "short",
                  timeZone: props.timeZone,
                })}
              </Text>
            </Group>
          </Group>
        ))
      )}
    </Stack>
  );
}
