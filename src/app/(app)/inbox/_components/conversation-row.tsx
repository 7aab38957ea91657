"use client";

import { Badge, Group, Text, UnstyledButton } from "@mantine/core";
import { IconUser } from "@tabler/icons-react";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { memo } from "react";
import { ContactAvatar } from "../../../_components/contact-avatar";
import { formatPhone } from "../../../_components/format-phone";
import { conversationTitleOf, previewLineOf } from "./conversation-words";
import { dateTime, listTime } from "~/shared/format/time";
import classes from "./inbox.module.css";
import { TagBadge } from "../../../_components/tag-badge";
import type { ConversationDto } from "./types";
import { useTimezone } from "../../../_components/use-timezone";

export const ConversationRow = memo(function ConversationRow({
  conversation,
  selected,
  now,
}: {
  conversation: ConversationDto;
  selected: boolean;
  /** Ticks once a minute, for the whole list at once. */
  now: Date;
}) {
  const t = useTranslations("inbox");
  const locale = useLocale();
  const timeZone = useTimezone();
  const unread = conversation.unreadCount > 0;
  const phone = formatPhone(conversation.phone);
  const title = conversationTitleOf(conversation, t);
  const preview = conversation.snippet ?? previewLineOf(conversation, t);
  const prefix = !conversation.snippet && conversation.lastMessageDirection === "outbound" ? t("you") : "";

  return (
    <UnstyledButton
      component={Link}
      href={`/inbox?c=${conversation.id}`}
      scroll={false}
      className={classes.row}
      aria-current={selected ? "true" : undefined}
      data-testid="conversation-row"
      data-conversation-id={conversation.id}
      data-unread={conversation.unreadCount}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ContactAvatar title={title} group={conversation.kind === "group"} size={40} />
        <div style={{ flex: 1, minWidth: 0 }}>
          <Group gap={6} wrap="nowrap" justify="space-between">
            <Text size="sm" fw={unread ? 700 : 500} truncate data-testid="conversation-title">
              {title}
            </Text>
            <Text
              size="xs"
              c={unread ? "teal" : "dimmed"}
              fw={unread ? 600 : undefined}
              style={{ flexShrink: 0 }}
              title={dateTime(conversation.lastActivityAt, timeZone, locale)}
            >
              {listTime(conversation.lastActivityAt, timeZone, locale, now, {
                now: t("time.now"),
                yesterday: t("time.yesterday"),
                minutes: (count) => t("time.minutes", { count }),
              })}
            </Text>
          </Group>
          <Group gap={6} wrap="nowrap" justify="space-between">
            <Text
              size="sm"
              c={unread ? undefined : "dimmed"}
              truncate
              style={{ flex: 1, minWidth: 0 }}
              data-testid="conversation-preview"
            >
              {prefix}
              {preview || "\u00a0"}
            </Text>
            {unread && (
              // A long preview truncates; the count never shrinks.
              <Badge
                size="sm"
                circle={conversation.unreadCount < 10}
                style={{ flexShrink: 0 }}
                data-testid="unread-badge"
                title={t("unreadCount", { count: conversation.unreadCount })}
              >
                {conversation.unreadCount > 99 ? "99+" : conversation.unreadCount}
              </Badge>
            )}
          </Group>
          <Group gap={4} wrap="nowrap" mt={2} style={{ overflow: "hidden" }}>
            {conversation.tags.map((tag) => (
              <TagBadge key={tag.id} tag={tag} />
            ))}
            <Text size="xs" c="dimmed" truncate>
              {[phone !== title && phone, conversation.instance.name].filter(Boolean).join(" · ")}
            </Text>
            {conversation.assignee && (
              <Group gap={2} wrap="nowrap" style={{ flexShrink: 0 }} ml="auto">
                <IconUser size={12} color="var(--mantine-color-dimmed)" />
                <Text
                  size="xs"
                  c="dimmed"
                  maw={110}
                  truncate
                  title={t("assignedTo", { name: conversation.assignee.name })}
                >
                  {conversation.assignee.name}
                </Text>
              </Group>
            )}
          </Group>
        </div>
      </Group>
    </UnstyledButton>
  );
});
